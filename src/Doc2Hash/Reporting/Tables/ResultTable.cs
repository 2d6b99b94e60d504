using Doc2Hash.Experiments;
using Doc2Hash.Reporting.Statistics;

namespace Doc2Hash.Reporting.Tables;

/// <summary>
/// One cell: test P@K over the seeds of a row at one code length, whether it is the column's best mean, the paired
/// per-query test against the best (null for the best itself or when a run lacks per-query records) and the seed-level
/// test against the best (<see cref="VersusBestOverSeeds"/>).
/// </summary>
public sealed record ResultCell(MeanAndSpread Value, bool IsBest, PairedTestResult? VersusBest, IReadOnlyList<RunRecord> Runs)
{
    /// <summary>
    /// Welch's t-test of this cell's seeds against the best cell's seeds; null for the best itself and where it cannot
    /// be computed (fewer than 2 seeds on a side, or no spread on either).
    /// </summary>
    public WelchTestResult? VersusBestOverSeeds { get; init; }

    /// <summary>The dagger convention: tested on the queries and not significantly different from the column's best at 5%.</summary>
    public bool TiesWithBest => VersusBest is { } test && !test.IsSignificant();

    /// <summary>The double-dagger convention: tested over seeds and not significantly different from the column's best at 5%.</summary>
    public bool TiesWithBestOverSeeds => VersusBestOverSeeds is { } test && !test.IsSignificant();

    /// <summary>"", "†", "‡" or "†‡": the marks every rendering appends to the cell's numbers.</summary>
    public string Marks => (TiesWithBest ? "†" : "") + (TiesWithBestOverSeeds ? "‡" : "");

    /// <summary>Neither the best nor tested (some run of this row or the best row has no per-query file).</summary>
    public bool Untested => !IsBest && VersusBest is null;
}

/// <summary>A row: a method in one setting; cells keyed by code length (absent where no run exists).</summary>
/// <param name="Settings">Every hyperparameter that differs from the method's preset ("preset" when none).</param>
public sealed record ResultRow(string Method, string Settings, IReadOnlyDictionary<int, ResultCell> Cells);

/// <summary>
/// A paper-style table generated from run records: rows = methods (or ablation variants), columns = code lengths.
/// Rendered by <see cref="TableMarkdown"/>, <see cref="TableLatex"/>, <see cref="TableCsv"/> and <see cref="TableDataFrame"/>.
/// </summary>
/// <param name="Name">File name without extension, e.g. "ng20-unsupervised".</param>
/// <param name="RowHeader">"method" or "variant".</param>
public sealed record ResultTable(string Name, string Dataset, string Title, string Caption, string RowHeader, IReadOnlyList<int> Bits, IReadOnlyList<ResultRow> Rows)
{
    public int K { get; init; } = 100;
}
