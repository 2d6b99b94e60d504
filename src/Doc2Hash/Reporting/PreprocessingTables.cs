using System.Globalization;
using Doc2Hash.Data;
using Doc2Hash.Data.Preprocessing;
using Microsoft.Data.Analysis;

namespace Doc2Hash.Reporting;

/// <summary>
/// A <see cref="PreprocessingReport"/> as DataFrames (rendered as HTML tables in notebooks): what each preprocessing
/// step removed, the document lengths around the length filter, the stop words, and the extremes of idf.
/// </summary>
public static class PreprocessingTables
{
    /// <summary>One row per corpus: raw sizes, labels, vocabulary and the final train / validation / test sizes.</summary>
    public static DataFrame Overview(IReadOnlyList<(PreprocessingReport Report, HashingDataset Dataset)> corpora) => new(
        new StringDataFrameColumn("corpus", corpora.Select(c => c.Report.Corpus)),
        new Int32DataFrameColumn("raw train", corpora.Select(c => c.Report.Split("train").RawDocuments)),
        new Int32DataFrameColumn("raw test", corpora.Select(c => c.Report.Split("test").RawDocuments)),
        new Int32DataFrameColumn("labels", corpora.Select(c => c.Dataset.LabelCount)),
        new BooleanDataFrameColumn("multi-label", corpora.Select(c => c.Dataset.IsMultiLabel)),
        new Int32DataFrameColumn("vocabulary", corpora.Select(c => c.Dataset.VocabularySize)),
        new Int32DataFrameColumn("train", corpora.Select(c => c.Dataset.Train.Count)),
        new Int32DataFrameColumn("validation", corpora.Select(c => c.Dataset.Validation.Count)),
        new Int32DataFrameColumn("test", corpora.Select(c => c.Dataset.Test.Count)));

    /// <summary>Per raw split, the documents each filter dropped and the documents kept.</summary>
    public static DataFrame DocumentFilters(PreprocessingReport report) => new(
        new StringDataFrameColumn("split", report.Splits.Select(s => s.Split)),
        new Int32DataFrameColumn("raw", report.Splits.Select(s => s.RawDocuments)),
        new Int32DataFrameColumn("label not kept", report.Splits.Select(s => s.DroppedByLabelSelection)),
        new Int32DataFrameColumn($"too short (<= {report.Config.Length.ExclusiveMinimum})", report.Splits.Select(s => s.DroppedTooShort)),
        new Int32DataFrameColumn($"too long (> {report.Config.Length.InclusiveMaximum})", report.Splits.Select(s => s.DroppedTooLong)),
        new Int32DataFrameColumn("no kept label", report.Splits.Select(s => s.DroppedWithoutKeptLabel)),
        new Int32DataFrameColumn("kept", report.Splits.Select(s => s.Kept)));

    /// <summary>Document length (kept-vocabulary tokens) per split, before and after the length filter.</summary>
    public static DataFrame Lengths(PreprocessingReport report)
    {
        var rows = report.Splits.SelectMany(s => new[] { (s.Split, Stage: "before filter", Lengths: s.LengthsBeforeFilter), (s.Split, Stage: "after filter", Lengths: s.LengthsAfterFilter) }).ToArray();
        return new DataFrame(
            new StringDataFrameColumn("split", rows.Select(r => r.Split)),
            new StringDataFrameColumn("stage", rows.Select(r => r.Stage)),
            new Int32DataFrameColumn("documents", rows.Select(r => r.Lengths.Count)),
            new DoubleDataFrameColumn("mean", rows.Select(r => r.Lengths.Count == 0 ? 0 : Math.Round(r.Lengths.Average(), 1))),
            new DoubleDataFrameColumn("median", rows.Select(r => Median(r.Lengths))),
            new Int32DataFrameColumn("min", rows.Select(r => r.Lengths.Count == 0 ? 0 : r.Lengths.Min())),
            new Int32DataFrameColumn("max", rows.Select(r => r.Lengths.Count == 0 ? 0 : r.Lengths.Max())));
    }

    /// <summary>The vocabulary limits in order, each with the distinct terms it removed and the terms left after it.</summary>
    public static DataFrame VocabularyCuts(PreprocessingReport report)
    {
        var cut = report.Vocabulary;
        var config = report.Config;
        string[] steps =
        [
            "distinct training tokens (stop words excluded)",
            $"min_df {Bound(config.MinDocumentFrequency)}",
            $"max_df {Bound(config.MaxDocumentFrequency)}",
            $"max_features {(config.MaxFeatures is int n ? n.ToString("N0", CultureInfo.InvariantCulture) : "none")}",
        ];
        int[] removed = [0, cut.BelowMinDocumentFrequency, cut.AboveMaxDocumentFrequency, cut.CutByMaxFeatures];
        var left = new int[removed.Length];
        left[0] = cut.DistinctTerms;
        for (int i = 1; i < left.Length; i++) left[i] = left[i - 1] - removed[i];
        return new DataFrame(
            new StringDataFrameColumn("step", steps),
            new Int32DataFrameColumn("terms removed", removed),
            new Int32DataFrameColumn("terms left", left));
    }

    /// <summary>The most frequent stop words in the training texts and their share of all training tokens.</summary>
    public static DataFrame StopWords(PreprocessingReport report, int count)
    {
        var usage = report.StopWords;
        var top = usage.MostFrequent(count);
        return new DataFrame(
            new StringDataFrameColumn("stop word", top.Select(t => t.Word)),
            new Int64DataFrameColumn("occurrences", top.Select(t => t.Occurrences)),
            new DoubleDataFrameColumn("% of tokens", top.Select(t => usage.TotalTokens == 0 ? 0 : Math.Round(100.0 * t.Occurrences / usage.TotalTokens, 2))));
    }

    /// <summary>The terms of highest (rarest) or lowest (most widespread) idf, with their training document frequency.</summary>
    public static DataFrame Idf(PreprocessingReport report, int count, bool highest)
    {
        var terms = report.Terms;
        var columns = highest ? terms.Highest(count) : terms.Lowest(count);
        return new DataFrame(
            new StringDataFrameColumn("term", columns.Select(c => terms.Terms[c])),
            new DoubleDataFrameColumn("idf", columns.Select(c => Math.Round(terms.InverseDocumentFrequencies[c], 4))),
            new Int32DataFrameColumn("training documents", columns.Select(c => terms.DocumentFrequencies[c])));
    }

    private static string Bound(Doc2Hash.Text.DocumentFrequencyBound bound) => bound.IsProportion
        ? $"{bound.Value.ToString("0.##", CultureInfo.InvariantCulture)} of the documents"
        : $"{((int)bound.Value).ToString(CultureInfo.InvariantCulture)} documents";

    private static double Median(IReadOnlyList<int> values)
    {
        if (values.Count == 0) return 0;
        var sorted = values.Order().ToArray();
        int mid = sorted.Length / 2;
        return sorted.Length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2.0;
    }
}
