using Doc2Hash.Data;
using Doc2Hash.Retrieval;
using static TorchSharp.torch;

namespace Doc2Hash.Experiments;

/// <summary>One text query's answer: its code, how many of its words the vocabulary knows, and the hits.</summary>
public sealed record SearchResult(string Query, BinaryCodes Code, int KnownWords, IReadOnlyList<SearchHit> Hits);

/// <summary>
/// Semantic search over a run's training documents from C# in two calls:
/// <code>
/// using var search = DocumentSearch.Open(RunFolder.Open("runs/ng20/doc2hash-64b-..."), DatasetCatalog.Load("ng20").Dataset);
/// var result = search.Search("nasa launched a new satellite into orbit", k: 10);
/// </code>
/// The run needs its search index (<see cref="RunSearchIndex.Build"/>, or `doc2hash index build RUN`).
/// </summary>
public sealed class DocumentSearch : IDisposable
{
    private DocumentSearch(TextHasher hasher, RunSearchIndex index)
    {
        Hasher = hasher;
        Index = index;
    }

    public TextHasher Hasher { get; }
    public RunSearchIndex Index { get; }

    public static DocumentSearch Open(RunFolder run, HashingDataset data, Device? device = null)
    {
        var index = RunSearchIndex.Open(run);
        return new DocumentSearch(TextHasher.Open(run, data, device), index);
    }

    /// <summary>Hashes <paramref name="text"/> and returns its nearest training documents (top-K, or within a radius, at most K).</summary>
    public SearchResult Search(string text, int k = 10, int? radius = null)
    {
        var features = Hasher.Vectorize([text]);
        var code = Hasher.Encode(features);
        return new SearchResult(text, code, features.RowIndices(0).Length, Index.Search(code, k, radius));
    }

    public void Dispose() => Hasher.Dispose();
}
