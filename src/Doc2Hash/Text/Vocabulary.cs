using System.Collections;

namespace Doc2Hash.Text;

/// <summary>The terms that index the columns of a term matrix: column i is term i. Lookups take spans (no allocation).</summary>
public sealed class Vocabulary : IReadOnlyList<string>
{
    private readonly string[] _terms;
    private readonly Dictionary<string, int>.AlternateLookup<ReadOnlySpan<char>> _index;

    /// <summary>A vocabulary whose columns are <paramref name="terms"/> in the given order.</summary>
    public Vocabulary(IEnumerable<string> terms)
    {
        _terms = terms.ToArray();
        var index = new Dictionary<string, int>(_terms.Length, StringComparer.Ordinal);
        for (int i = 0; i < _terms.Length; i++)
        {
            if (!index.TryAdd(_terms[i], i))
                throw new ArgumentException($"The term \"{_terms[i]}\" appears twice (columns {index[_terms[i]]} and {i}); vocabulary terms must be unique.", nameof(terms));
        }
        _index = index.GetAlternateLookup<ReadOnlySpan<char>>();
    }

    public int Count => _terms.Length;

    public string this[int column] => _terms[column];

    /// <summary>The column of <paramref name="term"/>, or -1 if it is not in the vocabulary.</summary>
    public int IndexOf(ReadOnlySpan<char> term) => _index.TryGetValue(term, out int column) ? column : -1;

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_terms).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
