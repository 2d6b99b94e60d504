using System.Globalization;
using System.Text.Json;
using Doc2Hash.Data;
using Microsoft.Data.Analysis;

namespace Doc2Hash.Reporting;

/// <summary>Per-split statistics of a prepared dataset.</summary>
public sealed record SplitSummary(
    string Split,
    int Documents,
    int VocabularyUsed,
    int LabelsUsed,
    double MeanTermsPerDocument,
    int MinTermsPerDocument,
    int MaxTermsPerDocument,
    double MeanLabelsPerDocument,
    int DocumentsWithoutLabel);

/// <summary>
/// What `doc2hash data stats` prints: one row per split (documents, distinct vocabulary terms used, labels used,
/// distinct terms per document, labels per document), as a Microsoft.Data.Analysis DataFrame or JSON.
/// </summary>
public static class DatasetSummary
{
    public static IReadOnlyList<SplitSummary> Compute(HashingDataset dataset) =>
    [
        Summarise("train", dataset.Train),
        Summarise("validation", dataset.Validation),
        Summarise("test", dataset.Test),
    ];

    public static DataFrame ToDataFrame(IReadOnlyList<SplitSummary> rows)
    {
        static double Round(double value) => Math.Round(value, 2);
        return new DataFrame(
            new StringDataFrameColumn("split", rows.Select(r => r.Split)),
            new Int32DataFrameColumn("documents", rows.Select(r => r.Documents)),
            new Int32DataFrameColumn("vocabulary used", rows.Select(r => r.VocabularyUsed)),
            new Int32DataFrameColumn("labels used", rows.Select(r => r.LabelsUsed)),
            new DoubleDataFrameColumn("terms/doc mean", rows.Select(r => Round(r.MeanTermsPerDocument))),
            new Int32DataFrameColumn("terms/doc min", rows.Select(r => r.MinTermsPerDocument)),
            new Int32DataFrameColumn("terms/doc max", rows.Select(r => r.MaxTermsPerDocument)),
            new DoubleDataFrameColumn("labels/doc mean", rows.Select(r => Round(r.MeanLabelsPerDocument))),
            new Int32DataFrameColumn("docs without label", rows.Select(r => r.DocumentsWithoutLabel)));
    }

    /// <summary>Documents per label and split (a multi-label document counts once under each of its labels).</summary>
    public static DataFrame LabelCounts(HashingDataset dataset)
    {
        int[] Count(DatasetSplit split)
        {
            var counts = new int[dataset.LabelCount];
            foreach (int label in split.Labels.LabelIds) counts[label]++;
            return counts;
        }
        return new DataFrame(
            new StringDataFrameColumn("label", dataset.LabelNames),
            new Int32DataFrameColumn("train", Count(dataset.Train)),
            new Int32DataFrameColumn("validation", Count(dataset.Validation)),
            new Int32DataFrameColumn("test", Count(dataset.Test)));
    }

    public static string ToJson(HashingDataset dataset, IReadOnlyList<SplitSummary> rows) =>
        JsonSerializer.Serialize(new
        {
            dataset = dataset.Name,
            vocabularySize = dataset.VocabularySize,
            labelCount = dataset.LabelCount,
            multiLabel = dataset.IsMultiLabel,
            splits = rows,
        }, new JsonSerializerOptions { WriteIndented = true, PropertyNamingPolicy = JsonNamingPolicy.CamelCase });

    /// <summary>A fixed-width text table (DataFrame.ToString pads poorly for long headers).</summary>
    public static string ToText(HashingDataset dataset, IReadOnlyList<SplitSummary> rows)
    {
        var frame = ToDataFrame(rows);
        var widths = frame.Columns.Select(c => Math.Max(c.Name.Length, Enumerable.Range(0, (int)frame.Rows.Count)
            .Max(i => Format(c[i]).Length))).ToArray();
        var lines = new List<string>
        {
            $"{dataset.Name}: {dataset.VocabularySize:N0} words, {dataset.LabelCount} labels ({(dataset.IsMultiLabel ? "multi-label" : "single-label")})",
            string.Join("  ", frame.Columns.Select((c, j) => c.Name.PadLeft(widths[j]))),
        };
        for (int i = 0; i < frame.Rows.Count; i++)
            lines.Add(string.Join("  ", frame.Columns.Select((c, j) => Format(c[i]).PadLeft(widths[j]))));
        return string.Join(Environment.NewLine, lines);
    }

    static string Format(object? value) => value switch
    {
        double d => d.ToString("0.00", CultureInfo.InvariantCulture),
        int n => n.ToString("N0", CultureInfo.InvariantCulture),
        _ => value?.ToString() ?? "",
    };

    static SplitSummary Summarise(string name, DatasetSplit split)
    {
        var features = split.Features;
        var usedTerms = new bool[features.Columns];
        foreach (int c in features.ColumnIndices) usedTerms[c] = true;
        var usedLabels = new bool[split.Labels.LabelCount];
        foreach (int l in split.Labels.LabelIds) usedLabels[l] = true;
        int min = int.MaxValue, max = 0, withoutLabel = 0;
        for (int r = 0; r < features.Rows; r++)
        {
            int terms = features.RowPointers[r + 1] - features.RowPointers[r];
            min = Math.Min(min, terms);
            max = Math.Max(max, terms);
            if (split.Labels.Of(r).IsEmpty) withoutLabel++;
        }
        int n = Math.Max(1, features.Rows);
        return new SplitSummary(name, features.Rows, usedTerms.Count(u => u), usedLabels.Count(u => u),
            (double)features.NonZeros / n, features.Rows == 0 ? 0 : min, max,
            (double)split.Labels.LabelIds.Length / n, withoutLabel);
    }
}
