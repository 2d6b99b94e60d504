namespace Doc2Hash.Training;

/// <summary>The outcome of <see cref="Trainer.Fit"/>: the selected epoch and the metrics of its checkpoint.</summary>
public sealed record TrainingResult(
    int BestEpoch,
    double ValidationPrecision,
    double TestPrecision,
    int K,
    SelectOn SelectOn,
    double TotalSeconds,
    IReadOnlyList<EpochReport> History)
{
    public const string SelectedOnValidationLabel = "selected on validation";
    public const string SelectedOnTestLabel = "selected on test (authors' protocol)";

    /// <summary>How the reported epoch was chosen, to print next to every number.</summary>
    public string SelectionProtocol => SelectOn == SelectOn.Test ? SelectedOnTestLabel : SelectedOnValidationLabel;
}
