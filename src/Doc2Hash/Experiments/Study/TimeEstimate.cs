namespace Doc2Hash.Experiments.Study;

/// <summary>
/// Expected wall time of a run: epochs left x seconds per epoch (training plus the per-epoch validation), plus a
/// fixed overhead for the final evaluation and records. Seconds per epoch come from earlier runs of the same dataset,
/// method and code length (their metrics.csv; the median over runs), else of the same dataset and method, else
/// <see cref="DefaultSecondsPerEpoch"/>.
/// </summary>
public sealed class TimeEstimate(IReadOnlyList<RunRecord> earlier)
{
    /// <summary>
    /// Calibrated on this 2-core machine: Doc2hash on 20NG at 32 bits with Adam took 5.4-6.5 s of training plus about
    /// 1 s of validation per epoch (README, Benchmarks); Reuters is faster, longer codes slower.
    /// </summary>
    public const double DefaultSecondsPerEpoch = 7.0;

    /// <summary>Encoding the three splits, the test evaluation and writing the records (seconds).</summary>
    public const double OverheadSeconds = 3.0;

    private readonly Dictionary<(string, string, int), double> _exact = Mean(earlier, r => (r.Config.Dataset, r.Config.Method, r.Config.Bits));
    private readonly Dictionary<(string, string, int), double> _method = Mean(earlier, r => (r.Config.Dataset, r.Config.Method, 0));

    /// <summary>Seconds per epoch expected for <paramref name="config"/>, and where the number came from.</summary>
    public (double Seconds, string Source) SecondsPerEpoch(RunConfig config)
    {
        if (_exact.TryGetValue((config.Dataset, config.Method, config.Bits), out double s)) return (s, "earlier runs at this code length");
        if (_method.TryGetValue((config.Dataset, config.Method, 0), out s)) return (s, "earlier runs of this method");
        return (DefaultSecondsPerEpoch, "calibrated default");
    }

    public TimeSpan For(RunConfig config, int epochsLeft) =>
        TimeSpan.FromSeconds(Math.Max(0, epochsLeft) * SecondsPerEpoch(config).Seconds + OverheadSeconds);

    /// <summary>
    /// Per key, the median over earlier runs of each run's mean seconds per epoch: one run made while the machine was
    /// overloaded (ten times slower, seen here) must not dominate the estimate, as it would in a mean.
    /// </summary>
    private static Dictionary<(string, string, int), double> Mean(IReadOnlyList<RunRecord> runs, Func<RunRecord, (string, string, int)> key) => runs
        .Select(r => (Key: key(r), Seconds: MetricsTable.Read(r.Folder.Path)?.MeanEpochSeconds))
        .Where(r => r.Seconds is > 0)
        .GroupBy(r => r.Key)
        .ToDictionary(g => g.Key, g => Median(g.Select(r => r.Seconds!.Value)));

    internal static double Median(IEnumerable<double> values)
    {
        var sorted = values.Order().ToArray();
        int middle = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[middle] : (sorted[middle - 1] + sorted[middle]) / 2;
    }
}
