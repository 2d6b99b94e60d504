namespace Doc2Hash.Reporting.Statistics;

/// <summary>
/// The outcome of a paired test of method A against method B on the same queries.
/// </summary>
/// <param name="MeanDifference">Mean over queries of (A - B): positive when A is better.</param>
/// <param name="PValue">Two-sided p-value of "no difference".</param>
/// <param name="Queries">Number of paired queries.</param>
/// <param name="Procedure">What was computed, e.g. "sign-flip permutation, exact (16 assignments)".</param>
/// <param name="ConfidenceLow">Lower end of the 95% percentile bootstrap interval of the mean difference (NaN when not computed).</param>
/// <param name="ConfidenceHigh">Upper end of that interval (NaN when not computed).</param>
public sealed record PairedTestResult(double MeanDifference, double PValue, int Queries, string Procedure,
    double ConfidenceLow = double.NaN, double ConfidenceHigh = double.NaN)
{
    /// <summary>The significance level the tables use.</summary>
    public const double DefaultAlpha = 0.05;

    public bool IsSignificant(double alpha = DefaultAlpha) => PValue < alpha;
}
