using System.Reflection;
using Microsoft.DotNet.Interactive;

namespace Doc2Hash.NotebookRunner.Execution;

/// <summary>
/// Loads the .NET Interactive extensions a NuGet package ships in <c>interactive-extensions/dotnet/</c> (for
/// example Microsoft.Data.Analysis's DataFrame HTML formatter and Plotly.NET.Interactive's chart formatter), as the
/// dotnet-interactive tool does after <c>#r "nuget: ..."</c>. Packages are queued while the #r directive runs and
/// loaded by a kernel middleware after the command completes: loading them from inside the directive's callback
/// crashed the kernel.
/// </summary>
public sealed class KernelExtensionLoader
{
    private readonly List<ResolvedPackageReference> _pending = [];
    private readonly HashSet<string> _loaded = new(StringComparer.Ordinal);

    public void Enqueue(IEnumerable<ResolvedPackageReference> packages)
    {
        lock (_pending) _pending.AddRange(packages);
    }

    /// <summary>A middleware for the C# kernel: runs the command, then loads the extensions of packages it added.</summary>
    public KernelCommandPipelineMiddleware Middleware(Kernel root) => async (command, context, next) =>
    {
        await next(command, context);
        ResolvedPackageReference[] packages;
        lock (_pending)
        {
            packages = [.. _pending];
            _pending.Clear();
        }
        foreach (var package in packages) await LoadAsync(package, root);
    };

    private async Task LoadAsync(ResolvedPackageReference package, Kernel root)
    {
        string folder = Path.Combine(package.PackageRoot, "interactive-extensions", "dotnet");
        if (!Directory.Exists(folder)) return;
        foreach (string dll in Directory.GetFiles(folder, "*.dll").Order(StringComparer.Ordinal))
        {
            if (!_loaded.Add(Path.GetFullPath(dll))) continue;
            var assembly = Assembly.LoadFrom(dll);
            var extensions = assembly.GetExportedTypes()
                .Where(t => typeof(IKernelExtension).IsAssignableFrom(t) && t is { IsAbstract: false, IsInterface: false });
            foreach (var type in extensions)
                await ((IKernelExtension)Activator.CreateInstance(type)!).OnLoadAsync(root);
        }
    }
}
