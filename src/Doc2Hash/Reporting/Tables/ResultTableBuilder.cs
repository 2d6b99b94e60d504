using System.Globalization;
using Doc2Hash.Experiments;
using Doc2Hash.Reporting.Statistics;

namespace Doc2Hash.Reporting.Tables;

/// <summary>
/// Fills a table from run records: each cell is the mean ± sample standard deviation of test P@K over the row's runs
/// at that code length (one run per seed), the best mean per column is marked, and every other cell is tested
/// against the best with <see cref="SeedCombination.Compare"/> (sign-flip permutation test on per-query precision
/// averaged over seeds) when all runs of both cells have per-query records, and with <see cref="WelchTest"/> over the
/// seeds' P@K when both cells have at least 2 seeds. The two tests answer different questions: the first takes the
/// queries as the sample and the trained seeds as given (are these trained models different on this test set?), the
/// second takes the seeds as the sample (would retraining reproduce the gap?); with 3 seeds it is far less powerful.
/// </summary>
public static class ResultTableBuilder
{
    public const int PermutationSamples = SignFlipTest.DefaultSamples;
    public const int PermutationSeed = 1;

    /// <summary>
    /// The caption's statement of the convention, shared by every table so that Markdown, LaTeX and notebooks agree.
    /// </summary>
    public static string Convention(int k) =>
        $"Cells: test precision@{k}, mean ± sample standard deviation over seeds (number of seeds in parentheses); epoch selected on validation; " +
        $"Hamming ranking with ties broken by database index. Bold: best mean in its column. †: not significantly different from the best at the 5% level " +
        $"(two-sided paired sign-flip permutation test over the test queries on per-query precision@{k} averaged over seeds, {PermutationSamples.ToString("N0", CultureInfo.InvariantCulture)} random sign vectors, seed {PermutationSeed}); " +
        "‡: not significantly different from the best at the 5% level by Welch's two-sided t-test over the seeds' test precision " +
        "(needs at least 2 seeds on both sides). A cell without † differs significantly from the best on these queries; a cell without ‡ " +
        "(and with at least 2 seeds) also differs beyond the spread of retraining.";

    public static ResultTable Build(string name, string dataset, string title, string rowHeader, IReadOnlyList<RowDefinition> rows,
        IReadOnlyList<RunRecord> runs, IReadOnlyList<int>? bits = null, string? captionPrefix = null)
    {
        ArgumentNullException.ThrowIfNull(rows);
        ArgumentNullException.ThrowIfNull(runs);
        var matched = rows.Select(r => (Row: r, Runs: runs.Where(x => (bits is null || bits.Contains(x.Config.Bits)) && r.Matches(x)).ToList()))
            .Where(r => r.Runs.Count > 0).ToList();
        var columns = (bits ?? matched.SelectMany(r => r.Runs).Select(r => r.Config.Bits).Distinct().Order().ToList())
            .Where(b => matched.Any(r => r.Runs.Any(x => x.Config.Bits == b))).ToList();
        var perQuery = new Dictionary<string, float[]?>(StringComparer.Ordinal);
        var cells = matched.Select(_ => new Dictionary<int, ResultCell>()).ToList();
        int untested = 0;
        foreach (int b in columns)
        {
            var column = matched.Select(r => r.Runs.Where(x => x.Config.Bits == b).ToList()).ToList();
            var values = column.Select(c => c.Count == 0 ? (MeanAndSpread?)null : MeanAndSpread.Of(c.Select(x => x.Summary!.TestPrecision))).ToList();
            int best = Enumerable.Range(0, column.Count).Where(i => values[i] is not null).MaxBy(i => values[i]!.Value.Mean);
            var bestQueries = Queries(column[best], perQuery);
            for (int i = 0; i < column.Count; i++)
            {
                if (values[i] is not { } value) continue;
                PairedTestResult? test = null;
                if (i != best && bestQueries is not null && Queries(column[i], perQuery) is { } mine && mine[0].Count == bestQueries[0].Count)
                    test = SeedCombination.Compare(mine, bestQueries, PermutationSamples, PermutationSeed);
                var overSeeds = i == best ? null : WelchTest.Test(Precisions(column[i]), Precisions(column[best]));
                var cell = new ResultCell(value, i == best, test, column[i]) { VersusBestOverSeeds = overSeeds };
                if (cell.Untested) untested++;
                cells[i][b] = cell;
            }
        }
        string caption = (captionPrefix is null ? "" : captionPrefix + " ") + Convention(runs.FirstOrDefault()?.Summary?.K ?? 100)
            + (untested == 0 ? "" : $" {untested} cell(s) could not be tested (a run has no per-query record) and carry no mark.");
        return new ResultTable(name, dataset, title, caption, rowHeader, columns,
            [.. matched.Select((r, i) => new ResultRow(r.Row.Label, r.Row.Settings, cells[i]))])
        { K = runs.FirstOrDefault()?.Summary?.K ?? 100 };
    }

    private static double[] Precisions(List<RunRecord> cell) => [.. cell.Select(x => x.Summary!.TestPrecision)];

    // Per-query precision of every run of a cell, or null when any is missing or the runs disagree on the queries.
    private static IReadOnlyList<IReadOnlyList<float>>? Queries(List<RunRecord> cell, Dictionary<string, float[]?> cache)
    {
        var result = new List<IReadOnlyList<float>>();
        foreach (var run in cell)
        {
            if (!cache.TryGetValue(run.Folder.Path, out var values)) cache[run.Folder.Path] = values = RunResults.ReadQueryPrecision(run.Folder.Path);
            if (values is null || (result.Count > 0 && result[0].Count != values.Length)) return null;
            result.Add(values);
        }
        return result.Count == 0 ? null : result;
    }
}
