namespace Doc2Hash.Training;

/// <summary>
/// The trainer's own state stored in a checkpoint next to the model (and optimizer) tensors: where to continue,
/// the best epoch so far and the history of epoch reports.
/// </summary>
public sealed record TrainingState(
    int NextEpoch,
    long Step,
    int BestEpoch,
    double BestScore,
    IReadOnlyList<EpochReport> History);
