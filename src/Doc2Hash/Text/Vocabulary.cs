using System.Collections;

namespace Doc2Hash.Text;

/// <summary>The terms that index the columns of a term matrix: column i is term i. Lookups take spans (no allocation).</summary>
public sealed class Vocabulary : IReadOnlyList<string>
{
    private readonly string[] _terms;
    private readonly TermIndex _index;

    /// <summary>A vocabulary whose columns are <paramref name="terms"/> in the given order.</summary>
    public Vocabulary(IEnumerable<string> terms)
    {
        _terms = terms.ToArray();
        _index = new TermIndex(_terms.Length);
        for (int i = 0; i < _terms.Length; i++)
        {
            int earlier = _index.Find(_terms[i]);
            if (earlier >= 0)
                throw new ArgumentException($"The term \"{_terms[i]}\" appears twice (columns {earlier} and {i}); vocabulary terms must be unique.", nameof(terms));
            _index.Add(_terms[i]);
        }
    }

    public int Count => _terms.Length;

    public string this[int column] => _terms[column];

    /// <summary>The column of <paramref name="term"/>, or -1 if it is not in the vocabulary.</summary>
    public int IndexOf(ReadOnlySpan<char> term) => _index.Find(term);

    public IEnumerator<string> GetEnumerator() => ((IEnumerable<string>)_terms).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
}
