using System.Collections.Concurrent;
using System.Collections.Frozen;
using System.Runtime.CompilerServices;

namespace Doc2Hash.Text;

/// <summary>
/// The bag of words of a document collection before any vocabulary limit (stop words excluded): every distinct token
/// with its document frequency (the number of documents containing it) and total count, which CountVectorizer's
/// limits read, and every document's term counts, so the training matrix needs no second tokenisation
/// (scikit-learn's <c>fit_transform</c> also counts once and then drops columns).
/// Documents are tokenised in parallel over contiguous ranges, each worker with its own term table, then the tables
/// are merged; the result does not depend on the number of cores.
/// </summary>
public sealed class TermStatistics
{
    private readonly string[] _terms;
    private readonly int[] _documentFrequencies;
    private readonly long[] _totalCounts;
    private readonly TermRow[] _rows;

    private TermStatistics(string[] terms, int[] documentFrequencies, long[] totalCounts, TermRow[] rows)
    {
        _terms = terms;
        _documentFrequencies = documentFrequencies;
        _totalCounts = totalCounts;
        _rows = rows;
    }

    /// <summary>The distinct terms, in no particular order; the other lists are indexed like it.</summary>
    public IReadOnlyList<string> Terms => _terms;
    public IReadOnlyList<int> DocumentFrequencies => _documentFrequencies;
    public IReadOnlyList<long> TotalCounts => _totalCounts;
    public int DocumentCount => _rows.Length;

    public static TermStatistics Collect(IReadOnlyList<string> documents, FrozenSet<string> stopWords)
    {
        var rows = new TermRow[documents.Count];
        var tables = new ConcurrentBag<Table>();
        if (documents.Count > 0)
        {
            var ranges = Partitioner.Create(0, documents.Count, RangeSize(documents.Count));
            Parallel.ForEach(ranges, () => new Table(stopWords), (range, _, table) =>
            {
                for (int d = range.Item1; d < range.Item2; d++)
                    rows[d] = table.CountDocument(d, documents[d]);
                return table;
            }, tables.Add);
        }
        return Merge(tables, rows, stopWords);
    }

    /// <summary>
    /// The count matrix over <paramref name="vocabulary"/>: column c counts the vocabulary's term c in each document
    /// (CountVectorizer's <c>X[:, kept_indices]</c> after fitting); terms outside the vocabulary are left out.
    /// </summary>
    public SparseMatrix CountMatrix(Vocabulary vocabulary)
    {
        var columnOfTerm = new int[_terms.Length];
        for (int t = 0; t < _terms.Length; t++) columnOfTerm[t] = vocabulary.IndexOf(_terms[t]);
        var kept = new TermRow[_rows.Length];
        Parallel.For(0, _rows.Length, d => kept[d] = _rows[d].Restrict(columnOfTerm));
        return TermRow.Assemble(kept, vocabulary.Count);
    }

    /// <summary>A few ranges per core: enough to balance long and short documents, few enough tables to merge.</summary>
    private static int RangeSize(int documentCount)
    {
        const int RangesPerCore = 4;
        return Math.Max(1, documentCount / (Environment.ProcessorCount * RangesPerCore) + 1);
    }

    private static TermStatistics Merge(IEnumerable<Table> tables, TermRow[] rows, FrozenSet<string> stopWords)
    {
        var merged = new Table(stopWords);
        foreach (var table in tables)
        {
            int[] globalIds = merged.AddTotals(table);
            foreach (int d in table.Documents) rows[d] = rows[d].Relabel(globalIds);
        }
        return new TermStatistics(merged.Terms(), merged.DocumentFrequencies(), merged.TotalCounts(), rows);
    }

    /// <summary>
    /// One worker's term table. Stop words are registered first, with ids below <see cref="_stopWordCount"/>, so a
    /// token costs one lookup; ids from there on are terms.
    /// </summary>
    private sealed class Table
    {
        private const int InitialCapacity = 1 << 14;
        private readonly TermIndex _index = new(InitialCapacity);
        private readonly int _stopWordCount;
        private readonly List<int> _touched = [];
        private char[] _buffer = [];
        private int[] _documentFrequencies = new int[InitialCapacity];
        private long[] _totalCounts = new long[InitialCapacity];
        private int[] _countInDocument = new int[InitialCapacity];

        public Table(FrozenSet<string> stopWords)
        {
            foreach (var word in stopWords) _index.Add(word);
            _stopWordCount = _index.Count;
        }

        /// <summary>The documents this table counted (their rows use its term ids until the merge).</summary>
        public List<int> Documents { get; } = [];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public TermRow CountDocument(int document, string text)
        {
            Documents.Add(document);
            foreach (var token in Tokenizer.LowercaseTokens(text, ref _buffer)) Add(token);
            var terms = _touched.ToArray();
            var counts = new float[terms.Length];
            for (int k = 0; k < terms.Length; k++)
            {
                int id = terms[k];
                counts[k] = _countInDocument[id];
                _totalCounts[id] += _countInDocument[id];
                _documentFrequencies[id]++;
                _countInDocument[id] = 0;
                terms[k] = id - _stopWordCount;
            }
            _touched.Clear();
            return new TermRow(terms, counts);
        }

        /// <summary>Adds another table's totals to this one; returns, per term of the other table, its term here.</summary>
        public int[] AddTotals(Table other)
        {
            var terms = new int[other._index.Count - other._stopWordCount];
            for (int t = 0; t < terms.Length; t++)
            {
                int otherId = t + other._stopWordCount;
                int id = _index.Find(other._index[otherId]);
                if (id < 0) id = Register(other._index[otherId]);
                _documentFrequencies[id] += other._documentFrequencies[otherId];
                _totalCounts[id] += other._totalCounts[otherId];
                terms[t] = id - _stopWordCount;
            }
            return terms;
        }

        public string[] Terms() => Enumerable.Range(_stopWordCount, _index.Count - _stopWordCount).Select(id => _index[id]).ToArray();
        public int[] DocumentFrequencies() => _documentFrequencies[_stopWordCount.._index.Count];
        public long[] TotalCounts() => _totalCounts[_stopWordCount.._index.Count];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Add(ReadOnlySpan<char> token)
        {
            int id = _index.Find(token);
            if (id < 0) id = Register(token.ToString());
            else if (id < _stopWordCount) return;
            if (_countInDocument[id]++ == 0) _touched.Add(id);
        }

        private int Register(string term)
        {
            int id = _index.Add(term);
            if (id == _documentFrequencies.Length)
            {
                int size = 2 * _documentFrequencies.Length;
                Array.Resize(ref _documentFrequencies, size);
                Array.Resize(ref _totalCounts, size);
                Array.Resize(ref _countInDocument, size);
            }
            return id;
        }
    }
}
