using Doc2Hash.Training;

namespace Doc2Hash.Experiments.Study;

/// <summary>
/// What the study runner needs from a method family: data fingerprints, training a new run, resuming one, and
/// recording the per-query results of a finished run. <see cref="ExperimentRunExecutor"/> is the real one; tests use a fake.
/// </summary>
public interface IRunExecutor
{
    /// <summary>Loads (or reuses) the dataset and returns its <see cref="DatasetFingerprint"/>.</summary>
    string Fingerprint(string dataset);

    /// <summary>
    /// Trains <paramref name="config"/> (its DataFingerprint set) in a new run folder under <paramref name="runsDirectory"/>;
    /// <paramref name="started"/> receives the folder before the first epoch, <paramref name="epochCompleted"/> every epoch.
    /// </summary>
    RunFolder Train(RunConfig config, string runsDirectory, Action<RunFolder> started, Action<EpochReport> epochCompleted);

    /// <summary>Continues an interrupted run from its last checkpoint.</summary>
    void Resume(RunFolder run, Action<EpochReport> epochCompleted);

    /// <summary>Writes the run's <see cref="RunResults"/> files (per-query precision, curve, bit usage).</summary>
    void Record(RunFolder run);
}
