namespace Doc2Hash.Training;

/// <summary>
/// What one epoch produced, for events, metrics.csv and notebooks. Loss terms are means over the epoch's minibatches
/// (each minibatch's value is itself a batch mean); schedules are the values in force at the epoch's last step.
/// </summary>
public sealed record EpochReport(
    int Epoch,
    double TrainSeconds,
    double EvalSeconds,
    IReadOnlyDictionary<string, double> Loss,
    IReadOnlyDictionary<string, double> Schedules,
    double SelectionPrecision,
    bool IsBest);
