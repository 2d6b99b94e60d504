using System.Runtime.CompilerServices;

namespace Doc2Hash.Text;

/// <summary>
/// The document-term count matrix of scikit-learn's <c>CountVectorizer.transform</c>: one row per document, one
/// column per vocabulary term, the number of times the term occurs in the document. Tokens outside the vocabulary
/// (including stop words, which never enter it) are ignored. Rows are counted in parallel; the result does not
/// depend on the number of cores.
/// </summary>
public static class TermCounter
{
    public static SparseMatrix Count(IReadOnlyList<string> documents, Vocabulary vocabulary)
    {
        var rows = new TermRow[documents.Count];
        Parallel.For(0, documents.Count, () => new RowCounter(vocabulary), (d, _, counter) =>
        {
            rows[d] = counter.CountRow(documents[d]);
            return counter;
        }, _ => { });
        return TermRow.Assemble(rows, vocabulary.Count);
    }

    /// <summary>One worker's scratch space: a dense count per term plus the list of terms touched by the current row.</summary>
    private sealed class RowCounter(Vocabulary vocabulary)
    {
        private readonly int[] _counts = new int[vocabulary.Count];
        private readonly List<int> _touched = [];
        private char[] _buffer = [];

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public TermRow CountRow(string document)
        {
            foreach (var token in Tokenizer.LowercaseTokens(document, ref _buffer)) Add(token);
            _touched.Sort();
            var columns = _touched.ToArray();
            var counts = new float[columns.Length];
            for (int k = 0; k < columns.Length; k++)
            {
                counts[k] = _counts[columns[k]];
                _counts[columns[k]] = 0;
            }
            _touched.Clear();
            return new TermRow(columns, counts);
        }

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private void Add(ReadOnlySpan<char> token)
        {
            int column = vocabulary.IndexOf(token);
            if (column < 0) return;
            if (_counts[column]++ == 0) _touched.Add(column);
        }
    }
}
