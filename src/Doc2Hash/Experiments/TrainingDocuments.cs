using Doc2Hash.Data;
using Doc2Hash.Text;

namespace Doc2Hash.Experiments;

/// <summary>A training document as the search index shows it: its corpus id, label names and first words.</summary>
public sealed record IndexedDocument(string Id, IReadOnlyList<string> Labels, string Preview);

/// <summary>
/// Pairs the prepared training rows with the raw corpus documents they came from. The preprocessing keeps the
/// training documents' order and only drops some (label selection, length filter), so row i is the next raw
/// document whose text, run through the run's text model, gives exactly row i (same columns, same float values):
/// a greedy in-order match. It doubles as the proof that the text model reproduces the dataset: a row that no
/// raw document reproduces is an error, never a silent mismatch.
/// </summary>
public static class TrainingDocuments
{
    /// <summary>Words kept in a preview.</summary>
    public const int PreviewWords = 30;

    /// <summary>Characters kept in a preview at most.</summary>
    public const int PreviewCharacters = 240;

    public static IReadOnlyList<IndexedDocument> Match(IReadOnlyList<RawDocument> rawTrain, HashingDataset data, TextModel text)
    {
        var rows = text.Transform([.. rawTrain.Select(d => d.Text)]);
        var prepared = data.Train.Features;
        var documents = new IndexedDocument[prepared.Rows];
        int raw = 0;
        for (int i = 0; i < prepared.Rows; i++)
        {
            while (raw < rows.Rows && !SplitDocuments.SameRow(rows, raw, prepared, i)) raw++;
            if (raw == rows.Rows)
                throw new InvalidDataException(
                    $"Training row {i} of '{data.Name}' is not reproduced by the text model from any remaining raw training document; " +
                    "the corpus or its preprocessing changed since the dataset was prepared (prepare it again with `doc2hash data prepare --rebuild`).");
            documents[i] = new IndexedDocument(rawTrain[raw].Id, SplitDocuments.LabelNames(data, data.Train.Labels, i), Preview(rawTrain[raw].Text));
            raw++;
        }
        return documents;
    }

    /// <summary>Documents without text (a corpus the kit did not read, e.g. a VDSH .mat file): ids "train:i" and labels only.</summary>
    public static IReadOnlyList<IndexedDocument> WithoutText(HashingDataset data) =>
        [.. Enumerable.Range(0, data.Train.Count).Select(i => new IndexedDocument($"train:{i}", SplitDocuments.LabelNames(data, data.Train.Labels, i), ""))];

    /// <summary>The first <see cref="PreviewWords"/> whitespace-separated words, on one line, at most <see cref="PreviewCharacters"/> characters.</summary>
    public static string Preview(string text)
    {
        var words = text.Split((char[]?)null, PreviewWords + 1, StringSplitOptions.RemoveEmptyEntries);
        string preview = string.Join(' ', words.Take(PreviewWords));
        bool cut = words.Length > PreviewWords || preview.Length > PreviewCharacters;
        return (preview.Length > PreviewCharacters ? preview[..PreviewCharacters] : preview) + (cut ? " ..." : "");
    }
}
