using System.Globalization;
using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Study;
using Microsoft.Data.Analysis;

namespace Doc2Hash.Reporting;

/// <summary>
/// How much of a study profile's grid the run records cover, per dataset and table row (a method of the main grid,
/// or one ablation of a method): runs found, runs planned, and which are missing ("16b: seeds 2, 3"), so a table
/// built from few records says what it lacks instead of looking complete.
/// </summary>
/// <param name="Row">The method, or "method, ablation 'name'" for an ablation's variants.</param>
/// <param name="Missing">Missing runs grouped by code length (main grid) or variant (ablation); empty when complete.</param>
public sealed record CoverageRow(string Dataset, string Row, int Found, int Planned, string Missing)
{
    public bool Complete => Found == Planned;
}

public static class StudyCoverage
{
    /// <summary>
    /// Every cell of <paramref name="profile"/>'s grid (<see cref="StudyGrid.Cells"/>) resolved as the study resolves it
    /// and looked up among <paramref name="runs"/> (finished results only) by its configuration key without data
    /// fingerprint (<see cref="RunKey"/>; <see cref="RunCollection"/> already keeps one data version per dataset).
    /// Rows in grid order.
    /// </summary>
    public static IReadOnlyList<CoverageRow> Of(StudyProfile profile, IReadOnlyList<RunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(profile);
        ArgumentNullException.ThrowIfNull(runs);
        var resolve = StudyCatalog.Resolver(profile);
        var found = runs.Where(RunCollection.IsResult).Select(r => KeyWithoutData(r.Config)).ToHashSet(StringComparer.Ordinal);
        return
        [
            .. StudyGrid.Cells(profile)
                .Select(cell => (Cell: cell, Found: found.Contains(KeyWithoutData(resolve(cell)))))
                .GroupBy(c => (c.Cell.Dataset, Row: c.Cell.Ablation is null ? c.Cell.Method : $"{c.Cell.Method}, ablation '{c.Cell.Ablation}'"))
                .Select(g => new CoverageRow(g.Key.Dataset, g.Key.Row, g.Count(c => c.Found), g.Count(), Missing([.. g.Where(c => !c.Found).Select(c => c.Cell)]))),
        ];
    }

    /// <summary>Rows as a DataFrame: dataset, row, found, planned, missing.</summary>
    public static DataFrame ToDataFrame(IReadOnlyList<CoverageRow> rows)
    {
        ArgumentNullException.ThrowIfNull(rows);
        return new DataFrame(
            new StringDataFrameColumn("dataset", rows.Select(r => r.Dataset)),
            new StringDataFrameColumn("runs of", rows.Select(r => r.Row)),
            new Int32DataFrameColumn("found", rows.Select(r => r.Found)),
            new Int32DataFrameColumn("planned", rows.Select(r => r.Planned)),
            new StringDataFrameColumn("missing", rows.Select(r => r.Missing)));
    }

    private static string KeyWithoutData(RunConfig config) => RunKey.Of(config with { DataFingerprint = null });

    // "16b: seeds 2, 3; 32b: seed 1" for the main grid, "per-bit: seeds 1, 2" for an ablation.
    private static string Missing(IReadOnlyList<GridCell> cells) => string.Join("; ", cells
        .GroupBy(c => c.Variant ?? c.Bits.ToString(CultureInfo.InvariantCulture) + "b")
        .Select(g => $"{g.Key}: seed{(g.Count() > 1 ? "s" : "")} {string.Join(", ", g.Select(c => c.Seed))}"));
}
