using System.Reflection;
using System.Runtime.InteropServices;
using TorchSharp;

namespace Doc2Hash.Training;

/// <summary>Facts about the torch runtime for logs, run summaries and `doc2hash info`.</summary>
public static class TorchEnvironment
{
    /// <summary>
    /// Resolves a device name ("cpu", "cuda", "cuda:1"); "auto" picks CUDA when available. An unknown name or CUDA on a
    /// machine without it is an error saying what to use instead (callers resolve the device before creating a run).
    /// </summary>
    public static torch.Device ResolveDevice(string name)
    {
        if (string.Equals(name, "auto", StringComparison.OrdinalIgnoreCase))
            return torch.cuda.is_available() ? torch.CUDA : torch.CPU;
        torch.Device device;
        try
        {
            device = new torch.Device(name);
        }
        catch (Exception error) when (error is ArgumentException or FormatException or InvalidOperationException or ExternalException)
        {
            throw new ArgumentException($"--device: '{name}' is not a torch device; use cpu, cuda, cuda:N or auto.", error);
        }
        if (device.type == DeviceType.CUDA && !torch.cuda.is_available())
            throw new InvalidOperationException(
                $"Device '{name}' was requested but CUDA is not available. Install TorchSharp-cuda-* packages and a CUDA driver, or use --device cpu.");
        return device;
    }

    public static IReadOnlyList<(string Key, string Value)> Describe() =>
    [
        ("doc2hash", typeof(TorchEnvironment).Assembly.GetName().Version?.ToString() ?? "unknown"),
        ("torchsharp", typeof(torch).Assembly.GetCustomAttribute<AssemblyInformationalVersionAttribute>()?.InformationalVersion.Split('+')[0] ?? "unknown"),
        ("libtorch", torch.__version__),
        ("threads", torch.get_num_threads().ToString(System.Globalization.CultureInfo.InvariantCulture)),
        ("cuda", torch.cuda.is_available() ? $"available ({torch.cuda.device_count()} devices)" : "not available"),
        ("malloc", MallocTuning.Apply().Description),
        ("dotnet", Environment.Version.ToString()),
        ("os", System.Runtime.InteropServices.RuntimeInformation.OSDescription),
    ];
}
