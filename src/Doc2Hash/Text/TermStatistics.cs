using System.Collections.Concurrent;
using System.Collections.Frozen;

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
        var ranges = Partitioner.Create(0, documents.Count, RangeSize(documents.Count));
        Parallel.ForEach(ranges, () => new Table(stopWords), (range, _, table) =>
        {
            for (int d = range.Item1; d < range.Item2; d++)
                rows[d] = table.CountDocument(d, documents[d]);
            return table;
        }, tables.Add);
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

    /// <summary>One worker's term table. Stop words are pre-registered with id -1, so a token costs one lookup.</summary>
    private sealed class Table
    {
        private const int StopWordId = -1;
        private const int InitialCapacity = 1 << 14;
        private readonly Dictionary<string, int> _ids;
        private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _lookup;
        private readonly List<string> _terms = new(InitialCapacity);
        private readonly List<int> _touched = [];
        private int[] _documentFrequencies = new int[InitialCapacity];
        private long[] _totalCounts = new long[InitialCapacity];
        private int[] _countInDocument = new int[InitialCapacity];

        public Table(FrozenSet<string> stopWords)
        {
            _ids = new Dictionary<string, int>(InitialCapacity, StringComparer.Ordinal);
            foreach (var word in stopWords) _ids[word] = StopWordId;
            _lookup = _ids.GetAlternateLookup<ReadOnlySpan<char>>();
        }

        /// <summary>The documents this table counted (their rows use its local term ids until the merge).</summary>
        public List<int> Documents { get; } = [];

        public TermRow CountDocument(int document, string text)
        {
            Documents.Add(document);
            Tokenizer.ForEachToken(text, this, static (token, table) => table.Add(token));
            var terms = _touched.ToArray();
            var counts = new float[terms.Length];
            for (int k = 0; k < terms.Length; k++)
            {
                int id = terms[k];
                counts[k] = _countInDocument[id];
                _totalCounts[id] += _countInDocument[id];
                _documentFrequencies[id]++;
                _countInDocument[id] = 0;
            }
            _touched.Clear();
            return new TermRow(terms, counts);
        }

        /// <summary>Adds another table's totals to this one; returns, per id of the other table, the id here.</summary>
        public int[] AddTotals(Table other)
        {
            var ids = new int[other._terms.Count];
            for (int i = 0; i < ids.Length; i++)
            {
                if (!_ids.TryGetValue(other._terms[i], out int id)) id = Register(other._terms[i]);
                _documentFrequencies[id] += other._documentFrequencies[i];
                _totalCounts[id] += other._totalCounts[i];
                ids[i] = id;
            }
            return ids;
        }

        public string[] Terms() => _terms.ToArray();
        public int[] DocumentFrequencies() => _documentFrequencies[.._terms.Count];
        public long[] TotalCounts() => _totalCounts[.._terms.Count];

        private void Add(ReadOnlySpan<char> token)
        {
            if (!_lookup.TryGetValue(token, out int id)) id = Register(token.ToString());
            if (id == StopWordId) return;
            if (_countInDocument[id]++ == 0) _touched.Add(id);
        }

        private int Register(string term)
        {
            int id = _terms.Count;
            if (id == _documentFrequencies.Length) Grow();
            _ids.Add(term, id);
            _terms.Add(term);
            return id;
        }

        private void Grow()
        {
            int size = 2 * _documentFrequencies.Length;
            Array.Resize(ref _documentFrequencies, size);
            Array.Resize(ref _totalCounts, size);
            Array.Resize(ref _countInDocument, size);
        }
    }
}
