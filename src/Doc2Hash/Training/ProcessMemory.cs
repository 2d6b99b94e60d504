using System.Globalization;

namespace Doc2Hash.Training;

/// <summary>
/// The process's resident memory as Linux reports it in /proc/self/status (VmRSS now, VmHWM the peak), and a reset of
/// the peak (writing 5 to /proc/self/clear_refs, Linux 4.0+), so one benchmark process can report the peak of each
/// configuration it runs. Elsewhere the values fall back to .NET's working set (current and process-lifetime peak).
/// </summary>
public static class ProcessMemory
{
    private const string StatusFile = "/proc/self/status";

    /// <summary>Resident bytes now.</summary>
    public static long Resident() => Read("VmRSS:") ?? Environment.WorkingSet;

    /// <summary>Peak resident bytes since the process started or since the last successful <see cref="ResetPeak"/>.</summary>
    public static long PeakResident() => Read("VmHWM:") ?? System.Diagnostics.Process.GetCurrentProcess().PeakWorkingSet64;

    /// <summary>Sets the peak to the current resident size; false where the OS does not allow it (the peak then keeps growing).</summary>
    public static bool ResetPeak()
    {
        try
        {
            File.WriteAllText("/proc/self/clear_refs", "5");
            return true;
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException or PlatformNotSupportedException)
        {
            return false;
        }
    }

    /// <summary>A "Name:   123 kB" line of /proc/self/status in bytes, or null when the file or line is missing.</summary>
    private static long? Read(string field)
    {
        if (!File.Exists(StatusFile)) return null;
        foreach (var line in File.ReadLines(StatusFile))
        {
            if (!line.StartsWith(field, StringComparison.Ordinal)) continue;
            var parts = line[field.Length..].Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries);   // "VmHWM:\t  123 kB"
            return long.Parse(parts[0], CultureInfo.InvariantCulture) * 1024;
        }
        return null;
    }
}
