using System.Globalization;
using System.Text;
using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Study;
using Doc2Hash.IO;
using Doc2Hash.Reporting.Figures;
using Doc2Hash.Reporting.Tables;

namespace Doc2Hash.Reporting;

/// <summary>What <see cref="StudyReport.Write"/> produced.</summary>
public sealed record StudyReportResult(IReadOnlyList<ResultTable> Tables, IReadOnlyList<string> Written);

/// <summary>
/// Regenerates every table and figure of the study from merged run records (<see cref="RunCollection"/>):
/// results/tables/&lt;profile&gt;/&lt;dataset&gt;-{unsupervised,supervised,ablation-*}.{md,tex,csv},
/// results/tables/&lt;dataset&gt;-every-setting.{md,tex,csv}, the published numbers, a per-run list, an index with every
/// table, and results/figures/; tables no longer generated are removed. Refuses to run without a finished run, so a mistyped folder never replaces the
/// committed tables with empty ones. Generated files are replaced atomically.
/// </summary>
public static class StudyReport
{
    public const string TablesFolder = "tables";
    public const string FiguresFolder = "figures";
    public const string IndexFile = "index.md";

    /// <summary>Code length of the per-run figures (precision curves, bit usage, training curves) when a table has it.</summary>
    public const int DetailBits = 32;

    public static StudyReportResult Write(RunCollection runs, string resultsDirectory, bool figures = true, FigureRenderer? renderer = null)
    {
        ArgumentNullException.ThrowIfNull(runs);
        if (runs.Runs.Count == 0)
            throw new InvalidOperationException(
                $"No finished run records in {runs.DescribeSearched()}" + (runs.FailedCount > 0 ? $" ({runs.FailedCount} failed run(s) left out)" : "") +
                $"; refusing to replace the tables in '{Path.GetFullPath(Path.Combine(resultsDirectory, TablesFolder))}' with empty ones. " +
                "Check --runs-dir / --records-dir, or run `doc2hash reproduce` first.");
        var tables = Tables(runs);
        string tablesDirectory = Path.Combine(resultsDirectory, TablesFolder);
        var written = new List<string>();
        foreach (var table in tables)
        {
            string stem = Path.Combine(tablesDirectory, table.Name);
            written.Add(Save(stem + ".md", TableMarkdown.Render(table)));
            written.Add(Save(stem + ".tex", TableLatex.Render(table)));
            written.Add(Save(stem + ".csv", TableCsv.Render(table)));
        }
        written.Add(Save(Path.Combine(tablesDirectory, "published.md"), PublishedResults.Markdown()));
        written.Add(Save(Path.Combine(tablesDirectory, "published.tex"), PublishedResults.Latex()));
        written.Add(Save(Path.Combine(tablesDirectory, "runs.csv"), RunList(runs.Runs)));
        written.Add(Save(Path.Combine(tablesDirectory, IndexFile), Index(tables, runs, resultsDirectory)));
        RemoveStale(tablesDirectory, written);
        if (figures)
        {
            string figuresDirectory = Path.Combine(resultsDirectory, FiguresFolder);
            foreach (var figure in Figures(tables, renderer))
                written.AddRange(figure.Save(figuresDirectory));
        }
        return new StudyReportResult(tables, written);
    }

    /// <summary>
    /// Every table of the report, in the report's order: per study profile and dataset the main and ablation tables,
    /// then per dataset every setting. Empty when there are no runs (a notebook shows what exists; only
    /// <see cref="Write"/> refuses an empty collection).
    /// </summary>
    public static IReadOnlyList<ResultTable> Tables(RunCollection runs)
    {
        ArgumentNullException.ThrowIfNull(runs);
        return [.. StudyProfile.All.SelectMany(p => StudyTables.ForProfile(p, runs.Runs)).Concat(StudyTables.EverySetting(runs.Runs))];
    }

    /// <summary>The figures of the tables: main tables get every per-method figure, ablation tables their chart.</summary>
    public static IEnumerable<Figure> Figures(IReadOnlyList<ResultTable> tables, FigureRenderer? renderer = null)
    {
        foreach (var table in tables)
        {
            if (table.Name.Contains("-ablation-", StringComparison.Ordinal))
                foreach (var f in StudyFigures.ForAblationTable(table, renderer)) yield return f;
            else if (table.Name.Contains('/'))
            {
                int bits = table.Bits.Contains(DetailBits) ? DetailBits : table.Bits[table.Bits.Count / 2];
                foreach (var f in StudyFigures.ForMainTable(table, bits, renderer)) yield return f;
            }
        }
    }

    /// <summary>
    /// The tables folder holds generated tables only: a table that is no longer generated (its rows' runs are gone or
    /// its layout changed) is deleted rather than left to contradict the index.
    /// </summary>
    private static void RemoveStale(string tablesDirectory, IReadOnlyList<string> written)
    {
        var keep = written.Select(Path.GetFullPath).ToHashSet(StringComparer.Ordinal);
        foreach (string file in Directory.EnumerateFiles(tablesDirectory, "*", SearchOption.AllDirectories))
            if (Path.GetExtension(file) is ".md" or ".tex" or ".csv" && !keep.Contains(Path.GetFullPath(file)))
                File.Delete(file);
    }

    private static string Index(IReadOnlyList<ResultTable> tables, RunCollection runs, string resultsDirectory)
    {
        var sb = new StringBuilder("# Doc2Hash study: tables\n\n");
        sb.AppendLine($"Generated by `doc2hash report` from {runs.Runs.Count} finished run records in {string.Join(", ", runs.Searched.Select(s => $"`{FolderName(s, resultsDirectory)}`"))} " +
            $"({runs.FailedCount} failed run(s) and {runs.OtherDataCount} run(s) on older data left out). Every table is also in LaTeX (.tex) and CSV beside this file; figures are in `../figures/`.");
        sb.AppendLine();
        foreach (var table in tables) sb.AppendLine(TableMarkdown.Render(table));
        sb.AppendLine(PublishedResults.Markdown());
        return sb.ToString();
    }

    /// <summary>
    /// A folder the report read, relative to the folder holding the results folder (the clone's root, normally):
    /// "runs" and "results/runs", so the local runs and the committed records are told apart (the last path part alone
    /// named both "runs"). Forward slashes, so the generated index is the same on every OS.
    /// </summary>
    private static string FolderName(string folder, string resultsDirectory)
    {
        string root = Path.GetDirectoryName(Path.TrimEndingDirectorySeparator(Path.GetFullPath(resultsDirectory))) ?? "";
        return Path.GetRelativePath(root, Path.TrimEndingDirectorySeparator(Path.GetFullPath(folder))).Replace('\\', '/');
    }

    private static string RunList(IReadOnlyList<RunRecord> runs)
    {
        var sb = new StringBuilder("dataset,method,settings,bits,seed,epochs,best_epoch,validation_p,test_p,seconds_per_epoch,total_seconds,selection,key,run\n");
        foreach (var r in runs)
        {
            var s = r.Summary!;
            sb.AppendLine(string.Join(',', TableCsv.Quote(s.Dataset), s.Method, TableCsv.Quote(StudyTables.Settings(r.Config)),
                Invariant(s.Bits), Invariant(s.Seed), Invariant(s.EpochsRun), Invariant(s.BestEpoch), Invariant(s.ValidationPrecision), Invariant(s.TestPrecision),
                Invariant(s.MeanTrainSecondsPerEpoch), Invariant(s.TotalSeconds), TableCsv.Quote(s.SelectionProtocol), RunKey.Of(r.Config), Path.GetFileName(r.Folder.Path)));
        }
        return sb.ToString();
    }

    private static string Invariant(double value) => value.ToString("R", CultureInfo.InvariantCulture);
    private static string Invariant(int value) => value.ToString(CultureInfo.InvariantCulture);

    private static string Save(string path, string content)
    {
        AtomicFile.WriteAllText(path, content);
        return path;
    }
}
