namespace Doc2Hash.Experiments;

/// <summary>
/// The run folder's summary.json, written when training ends: versions, data fingerprint, seed, timings, the selected
/// epoch (1-based) and the final validation and test precision@K of its checkpoint, with the selection protocol.
/// A method fitted in one pass reports one "epoch" (its fit) and <see cref="Timings"/> in seconds ("fit", "save",
/// "evaluate"); summaries written before Timings existed read it as null.
/// </summary>
public sealed record RunSummary(
    string Method,
    string Dataset,
    int Bits,
    int Seed,
    string Device,
    IReadOnlyDictionary<string, string> Versions,
    string? DataFingerprint,
    string SelectionProtocol,
    int K,
    int BestEpoch,
    int EpochsRun,
    double ValidationPrecision,
    double TestPrecision,
    double TotalSeconds,
    double MeanTrainSecondsPerEpoch,
    DateTime StartedUtc,
    DateTime FinishedUtc,
    bool Resumed,
    IReadOnlyDictionary<string, double>? Timings = null);
