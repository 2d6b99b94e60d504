using System.Diagnostics;

namespace Doc2Hash.Evaluation;

/// <summary>
/// Wall time and this process's processor time (user + system, all threads) of one call. On a shared machine the
/// wall time depends on the neighbours; processor time shows what the code costs when it runs (both are reported).
/// </summary>
public readonly record struct TimedRun(TimeSpan Wall, TimeSpan Processor)
{
    public static (T Value, TimedRun Time) Measure<T>(Func<T> run)
    {
        using var process = Process.GetCurrentProcess();
        var processor = process.TotalProcessorTime;
        var watch = Stopwatch.StartNew();
        var value = run();
        var wall = watch.Elapsed;
        process.Refresh();
        return (value, new TimedRun(wall, process.TotalProcessorTime - processor));
    }
}
