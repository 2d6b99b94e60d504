namespace Doc2Hash.Text;

/// <summary>
/// Orders strings as Python orders <c>str</c> values: by Unicode code point, which is how scikit-learn's
/// <c>_sort_features</c> (<c>sorted(vocabulary.items())</c>) lays out vocabulary columns. .NET's ordinal comparison
/// compares UTF-16 units instead, and the two differ only when a surrogate pair (a code point above U+FFFF) meets a
/// character in U+E000..U+FFFF; this comparer fixes that case.
/// </summary>
public sealed class CodePointComparer : IComparer<string>
{
    public static readonly CodePointComparer Instance = new();

    private CodePointComparer() { }

    public int Compare(string? x, string? y)
    {
        if (ReferenceEquals(x, y)) return 0;
        if (x is null) return -1;
        if (y is null) return 1;
        int length = Math.Min(x.Length, y.Length);
        for (int i = 0; i < length; i++)
        {
            char a = x[i], b = y[i];
            if (a != b) return SortKey(a) - SortKey(b);
        }
        return x.Length - y.Length;
    }

    /// <summary>Lifts surrogates above every other UTF-16 unit, so unit order equals code point order.</summary>
    private static int SortKey(char c) => char.IsSurrogate(c) ? c + 0x10000 : c;
}
