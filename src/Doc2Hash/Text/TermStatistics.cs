using System.Collections.Concurrent;
using System.Collections.Frozen;

namespace Doc2Hash.Text;

/// <summary>
/// Every distinct token of a document collection (stop words excluded) with its document frequency (the number of
/// documents containing it) and its total count: the two statistics CountVectorizer's limits read.
/// Collected in parallel over contiguous document ranges, each with its own table, then merged; sums do not depend
/// on the partitioning, so the result is the same on any number of cores.
/// </summary>
public sealed class TermStatistics
{
    private TermStatistics(string[] terms, int[] documentFrequencies, long[] totalCounts, int documentCount)
    {
        Terms = terms;
        DocumentFrequencies = documentFrequencies;
        TotalCounts = totalCounts;
        DocumentCount = documentCount;
    }

    /// <summary>The distinct terms, in no particular order.</summary>
    public IReadOnlyList<string> Terms { get; }
    public IReadOnlyList<int> DocumentFrequencies { get; }
    public IReadOnlyList<long> TotalCounts { get; }
    public int DocumentCount { get; }

    public static TermStatistics Collect(IReadOnlyList<string> documents, FrozenSet<string> stopWords)
    {
        var tables = new ConcurrentBag<Table>();
        var ranges = System.Collections.Concurrent.Partitioner.Create(0, documents.Count, RangeSize(documents.Count));
        Parallel.ForEach(ranges, () => new Table(stopWords), (range, _, table) =>
        {
            for (int d = range.Item1; d < range.Item2; d++)
                Tokenizer.ForEachToken(documents[d], (table, d), static (token, s) => s.table.Add(token, s.d));
            return table;
        }, tables.Add);
        return Merge(tables, documents.Count, stopWords);
    }

    /// <summary>A few ranges per core: enough to balance long and short documents, few enough tables to merge.</summary>
    private static int RangeSize(int documentCount)
    {
        const int RangesPerCore = 4;
        return Math.Max(1, documentCount / (Environment.ProcessorCount * RangesPerCore) + 1);
    }

    private static TermStatistics Merge(IEnumerable<Table> tables, int documentCount, FrozenSet<string> stopWords)
    {
        var merged = new Table(stopWords);
        foreach (var table in tables)
            merged.AddTotals(table);
        return new TermStatistics(merged.Terms(), merged.DocumentFrequencies(), merged.TotalCounts(), documentCount);
    }

    /// <summary>One worker's term table. Stop words are pre-registered with id -1, so a token costs one lookup.</summary>
    private sealed class Table
    {
        private const int StopWordId = -1;
        private const int InitialCapacity = 1 << 14;
        private readonly Dictionary<string, int> _ids;
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly List<string> _terms = new(InitialCapacity);
        private int[] _documentFrequencies = new int[InitialCapacity];
        private long[] _totalCounts = new long[InitialCapacity];
        private int[] _lastDocument = new int[InitialCapacity];

        public Table(FrozenSet<string> stopWords)
        {
            _ids = new Dictionary<string, int>(InitialCapacity, StringComparer.Ordinal);
            foreach (var word in stopWords) _ids[word] = StopWordId;
            _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        public void Add(ReadOnlySpan<char> token, int document)
        {
            if (!_lookup.TryGetValue(token, out int id)) id = Register(token.ToString());
            if (id == StopWordId) return;
            _totalCounts[id]++;
            if (_lastDocument[id] != document)
            {
                _lastDocument[id] = document;
                _documentFrequencies[id]++;
            }
        }

        public void AddTotals(Table other)
        {
            for (int i = 0; i < other._terms.Count; i++)
            {
                if (!_ids.TryGetValue(other._terms[i], out int id)) id = Register(other._terms[i]);
                _documentFrequencies[id] += other._documentFrequencies[i];
                _totalCounts[id] += other._totalCounts[i];
            }
        }

        public string[] Terms() => _terms.ToArray();
        public int[] DocumentFrequencies() => _documentFrequencies[.._terms.Count];
        public long[] TotalCounts() => _totalCounts[.._terms.Count];

        private int Register(string term)
        {
            int id = _terms.Count;
            if (id == _documentFrequencies.Length) Grow();
            _ids.Add(term, id);
            _terms.Add(term);
            _lastDocument[id] = -1;
            return id;
        }

        private void Grow()
        {
            int size = 2 * _documentFrequencies.Length;
            Array.Resize(ref _documentFrequencies, size);
            Array.Resize(ref _totalCounts, size);
            Array.Resize(ref _lastDocument, size);
        }
    }
}
