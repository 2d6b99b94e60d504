using System.Globalization;

namespace Doc2Hash.Evaluation;

/// <summary>
/// The processor clock as the operating system reports it, with where the number came from, for "fraction of the
/// hardware limit" figures. Linux only: the nominal maximum from cpufreq
/// (<c>/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq</c>, kHz) when the kernel exposes it, otherwise the
/// current "cpu MHz" of <c>/proc/cpuinfo</c> (averaged over the listed processors; virtual machines often report
/// only this, and it may sit below a turbo clock). Null elsewhere or when neither file can be read.
/// </summary>
public sealed record ProcessorClock(double Hertz, string Source)
{
    public const string CpufreqPath = "/sys/devices/system/cpu/cpu0/cpufreq/cpuinfo_max_freq";
    public const string CpuinfoPath = "/proc/cpuinfo";

    public static ProcessorClock? Read() => FromCpufreq(CpufreqPath) ?? FromCpuinfo(CpuinfoPath);

    /// <summary>cpufreq's cpuinfo_max_freq: one integer in kHz.</summary>
    public static ProcessorClock? FromCpufreq(string path)
    {
        if (!File.Exists(path)) return null;
        return long.TryParse(File.ReadAllText(path).Trim(), NumberStyles.Integer, CultureInfo.InvariantCulture, out long kilohertz) && kilohertz > 0
            ? new ProcessorClock(kilohertz * 1e3, $"{path} (nominal maximum)")
            : null;
    }

    /// <summary>The mean of the "cpu MHz" lines of /proc/cpuinfo.</summary>
    public static ProcessorClock? FromCpuinfo(string path)
    {
        if (!File.Exists(path)) return null;
        var megahertz = File.ReadLines(path)
            .Where(line => line.StartsWith("cpu MHz", StringComparison.Ordinal))
            .Select(line => line[(line.IndexOf(':') + 1)..].Trim())
            .Select(text => double.TryParse(text, NumberStyles.Float, CultureInfo.InvariantCulture, out double value) ? value : double.NaN)
            .Where(value => value > 0)
            .ToList();
        return megahertz.Count == 0 ? null : new ProcessorClock(megahertz.Average() * 1e6, $"{path} \"cpu MHz\" (current clock, mean of {megahertz.Count})");
    }
}
