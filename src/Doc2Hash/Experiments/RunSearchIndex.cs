using System.Text.Json;
using Doc2Hash.Data;
using Doc2Hash.IO;
using Doc2Hash.Retrieval;

namespace Doc2Hash.Experiments;

/// <summary>One search result: rank (1-based), database index (training row), Hamming distance and the document.</summary>
public sealed record SearchHit(int Rank, int Index, int Distance, IndexedDocument Document);

/// <summary>
/// A run's searchable training set, in <c>search/</c> of the run folder: <c>index.mih</c> (the training codes in a
/// <see cref="MultiIndexHashing"/> index) and <c>documents.json</c> (id, labels and first words per training
/// document, with the data fingerprint and code length it belongs to). Results are exact: top-K by (Hamming
/// distance, training index), or every document within a radius.
/// </summary>
public sealed class RunSearchIndex
{
    public const string Folder = "search";
    public const string IndexFile = "index.mih";
    public const string DocumentsFile = "documents.json";
    public const string DocumentsFormat = "doc2hash-search-documents";
    public const int DocumentsVersion = 1;

    private RunSearchIndex(MultiIndexHashing index, IReadOnlyList<IndexedDocument> documents)
    {
        Index = index;
        Documents = documents;
    }

    public MultiIndexHashing Index { get; }
    public IReadOnlyList<IndexedDocument> Documents { get; }

    public static string IndexPath(RunFolder run) => Path.Combine(run.Path, Folder, IndexFile);
    public static string DocumentsPath(RunFolder run) => Path.Combine(run.Path, Folder, DocumentsFile);

    /// <summary>
    /// Encodes the training split with <paramref name="hasher"/>, pairs it with the raw training documents (when the
    /// corpus has text; <see cref="TrainingDocuments.Match"/>) and writes both files atomically, replacing an older index.
    /// </summary>
    public static RunSearchIndex Build(RunFolder run, TextHasher hasher, HashingDataset data, IReadOnlyList<RawDocument>? rawTrain)
    {
        hasher.Text.CheckDataset(data);
        var documents = rawTrain is null ? TrainingDocuments.WithoutText(data) : TrainingDocuments.Match(rawTrain, data, hasher.Text.Model);
        var index = MultiIndexHashing.Build(hasher.Encode(data.Train.Features));
        index.Save(IndexPath(run), overwrite: true);
        var file = new DocumentsJson(DocumentsFormat, DocumentsVersion, hasher.Text.DataFingerprint, index.Codes.Bits, [.. documents]);
        AtomicFile.WriteAllText(DocumentsPath(run), JsonSerializer.Serialize(file, RunFolder.Json));
        return new RunSearchIndex(index, documents);
    }

    /// <summary>Opens the index of a run, checking that its documents file matches the index and the run's text model.</summary>
    public static RunSearchIndex Open(RunFolder run)
    {
        string indexPath = IndexPath(run), documentsPath = DocumentsPath(run);
        if (!File.Exists(indexPath) || !File.Exists(documentsPath))
            throw new FileNotFoundException($"Run '{run.Path}' has no search index; build it with `doc2hash index build {run.Path}`.", indexPath);
        var index = MultiIndexHashing.Load(indexPath);
        DocumentsJson file;
        try
        {
            file = JsonSerializer.Deserialize<DocumentsJson>(File.ReadAllText(documentsPath), RunFolder.Json)
                ?? throw new InvalidDataException($"'{documentsPath}' is empty.");
        }
        catch (JsonException e)
        {
            throw new InvalidDataException($"'{documentsPath}' is not a search documents file ({e.Message}).", e);
        }
        if (file.Format != DocumentsFormat || file.Version != DocumentsVersion)
            throw new InvalidDataException($"'{documentsPath}' is {file.Format} version {file.Version}; this kit reads {DocumentsFormat} version {DocumentsVersion}. Rebuild the index.");
        if (file.Documents.Length != index.Codes.Count || file.Bits != index.Codes.Bits || file.DataFingerprint != RunTextModel.Load(run).DataFingerprint)
            throw new InvalidDataException($"'{documentsPath}' does not belong to '{indexPath}' and this run's text model (documents, bits or data fingerprint differ); rebuild the index.");
        return new RunSearchIndex(index, file.Documents);
    }

    /// <summary>
    /// The nearest training documents of one code: the top <paramref name="k"/> (capped at the index size), or, with
    /// a <paramref name="radius"/>, the documents within it in rank order, at most <paramref name="k"/> of them.
    /// </summary>
    public IReadOnlyList<SearchHit> Search(BinaryCodes query, int k, int? radius = null)
    {
        if (query.Count != 1) throw new ArgumentException($"Search takes one query code, got {query.Count}.", nameof(query));
        ArgumentOutOfRangeException.ThrowIfLessThan(k, 1);
        if (radius is { } r)
        {
            var matches = Index.WithinRadius(query, r);
            return Hits(matches.IndicesOf(0), matches.DistancesOf(0), k);
        }
        var top = Index.TopK(query, Math.Min(k, Index.Codes.Count));
        return Hits(top.IndicesOf(0), top.DistancesOf(0), k);
    }

    /// <summary>Documents within <paramref name="radius"/> of the code (all of them, for a count).</summary>
    public int CountWithin(BinaryCodes query, int radius) => Index.WithinRadius(query, radius).IndicesOf(0).Length;

    private List<SearchHit> Hits(ReadOnlySpan<int> indices, ReadOnlySpan<int> distances, int k)
    {
        var hits = new List<SearchHit>();
        for (int r = 0; r < Math.Min(k, indices.Length); r++) hits.Add(new SearchHit(r + 1, indices[r], distances[r], Documents[indices[r]]));
        return hits;
    }

    private sealed record DocumentsJson(string Format, int Version, string DataFingerprint, int Bits, IndexedDocument[] Documents);
}
