using System.Runtime.InteropServices;
using TorchSharp;

namespace Doc2Hash.Notebooks;

/// <summary>
/// Makes TorchSharp use the libtorch of its own NuGet package inside a notebook kernel.
/// <para>
/// Why: in a kernel TorchSharp is loaded from the NuGet cache (<c>#r "nuget: TorchSharp-cpu"</c>) and loads its
/// natives by name (<c>torch_cpu</c>, <c>LibTorchSharp</c>). When the system has its own libtorch (Debian's
/// <c>libtorch-dev</c>, pulled in by <c>python3-torch</c>), the dynamic loader finds
/// <c>/usr/lib/x86_64-linux-gnu/libtorch_cpu.so</c> (1.13) first and TorchSharp's shim then fails with an undefined
/// symbol, reported as "doesn't contain a reference to libtorch-cpu-linux-x64". Loading the package's libraries by
/// full path first fixes it: a later load by name returns the library already loaded under that soname.
/// All three of libc10, libtorch_cpu and libtorch are needed, in dependency order (loading libtorch_cpu alone
/// crashed the kernel). The CLI and tests are unaffected: their deps.json gives the runtime full paths.
/// </para>
/// </summary>
public static class BundledLibTorch
{
    /// <summary>The libtorch release TorchSharp 0.107.0 is built against (its package dependency).</summary>
    public const string LibTorchVersion = "2.10.0";

    /// <summary>In dependency order; LibTorchSharp last (TorchSharp's own shim, patched by the kit's build where needed).</summary>
    private static readonly string[] LibTorchLibraries = ["libc10.so", "libtorch_cpu.so", "libtorch.so"];

    private static string? _loadedFrom;

    /// <summary>
    /// Loads the package's libtorch and TorchSharp's shim by full path (Linux x64 only; elsewhere nothing to do).
    /// Idempotent. Returns a one-line description. Must run before the first use of <c>torch</c>.
    /// </summary>
    public static string Preload()
    {
        if (!OperatingSystem.IsLinux() || RuntimeInformation.ProcessArchitecture != Architecture.X64)
            return "libtorch: loaded by TorchSharp (no system-libtorch conflict to avoid on this OS)";
        if (_loadedFrom is not null) return Describe(_loadedFrom);
        string torchSharpDll = typeof(torch).Assembly.Location; // typeof does not run torch's static constructor
        string native = FindLibTorchFolder(torchSharpDll);
        foreach (string library in LibTorchLibraries) Load(Path.Combine(native, library), torchSharpDll);
        string? shim = FindShim(torchSharpDll);
        if (shim is not null) Load(shim, torchSharpDll);
        _loadedFrom = native;
        return Describe(native);
    }

    private static string Describe(string folder) => $"libtorch {LibTorchVersion} from {ShownPath.Of(folder)}";

    /// <summary>
    /// From the NuGet layout <c>&lt;root&gt;/torchsharp/&lt;v&gt;/lib/net8.0/TorchSharp.dll</c> to
    /// <c>&lt;root&gt;/libtorch-cpu-linux-x64/2.10.0/runtimes/linux-x64/native</c>; or, for a build output folder,
    /// the natives copied next to TorchSharp.dll.
    /// </summary>
    internal static string FindLibTorchFolder(string torchSharpDll)
    {
        string assemblyFolder = Path.GetDirectoryName(torchSharpDll)!;
        string? packageRoot = Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(Path.GetDirectoryName(assemblyFolder))));
        var candidates = new List<string>
        {
            Path.Combine(assemblyFolder, "runtimes", "linux-x64", "native"),
            assemblyFolder,
        };
        if (packageRoot is not null)
            candidates.Insert(0, Path.Combine(packageRoot, "libtorch-cpu-linux-x64", LibTorchVersion, "runtimes", "linux-x64", "native"));
        return candidates.FirstOrDefault(c => File.Exists(Path.Combine(c, "libtorch_cpu.so")))
            ?? throw new InvalidOperationException(
                $"TorchSharp's libtorch {LibTorchVersion} was not found (looked in {string.Join(", ", candidates)}). " +
                "Reference it before the kit: #r \"nuget: TorchSharp-cpu, 0.107.0\" (it brings libtorch-cpu-linux-x64 " + LibTorchVersion + ").");
    }

    /// <summary>TorchSharp's native shim from the package (<c>torchsharp/&lt;v&gt;/runtimes/linux-x64/native</c>) or the build output.</summary>
    private static string? FindShim(string torchSharpDll)
    {
        string assemblyFolder = Path.GetDirectoryName(torchSharpDll)!;
        string packageVersionFolder = Path.GetFullPath(Path.Combine(assemblyFolder, "..", ".."));
        string[] candidates =
        [
            Path.Combine(packageVersionFolder, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"),
            Path.Combine(assemblyFolder, "runtimes", "linux-x64", "native", "libLibTorchSharp.so"),
            Path.Combine(assemblyFolder, "libLibTorchSharp.so"),
        ];
        return candidates.FirstOrDefault(File.Exists);
    }

    private static void Load(string path, string torchSharpDll)
    {
        try
        {
            NativeLibrary.Load(path);
        }
        catch (Exception e) when (e is DllNotFoundException or BadImageFormatException)
        {
            bool shim = path.EndsWith("libLibTorchSharp.so", StringComparison.Ordinal);
            throw new InvalidOperationException(
                $"Could not load {path}: {e.Message}" + (shim
                    ? " TorchSharp's shim needs the kit's libstdc++ fix on this system: run `dotnet build src/Doc2Hash.Notebooks -c Release` " +
                      "in the repository (it patches the copy in the NuGet cache; see environment.md), then restart the kernel."
                    : $" (TorchSharp is {torchSharpDll})."), e);
        }
    }
}
