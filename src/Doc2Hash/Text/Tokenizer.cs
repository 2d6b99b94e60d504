using System.Runtime.CompilerServices;
using System.Text;

namespace Doc2Hash.Text;

/// <summary>
/// scikit-learn's default word analyzer without stop words: lowercase (<see cref="PythonCase"/>), then every match of
/// the token pattern <c>(?u)\b\w\w+\b</c> with Python's <c>\w</c> (<see cref="WordCharacters"/>).
/// <para>
/// The pattern is a hand-written scanner here. Because <c>\w\w+</c> is greedy and starts at a word boundary, its
/// matches are exactly the maximal runs of word characters that are at least two code points long: a run of one
/// ("a", "x", "7") is dropped, anything else ("x1", "__init__", "o'clock" -> "o" dropped + "clock") is kept whole.
/// </para>
/// </summary>
public static class Tokenizer
{
    /// <summary>The pattern scikit-learn's CountVectorizer uses by default (<c>token_pattern</c>).</summary>
    public const string ScikitLearnTokenPattern = @"(?u)\b\w\w+\b";

    /// <summary>The smallest token length the pattern accepts, in code points.</summary>
    public const int MinimumTokenLength = 2;

    /// <summary>Lowercases <paramref name="text"/> and returns its tokens in order (convenient, allocates strings).</summary>
    public static List<string> Tokenize(string text)
    {
        var tokens = new List<string>();
        char[] buffer = [];
        foreach (var token in LowercaseTokens(text, ref buffer)) tokens.Add(token.ToString());
        return tokens;
    }

    /// <summary>
    /// The fast path of the vocabulary builder and the term counter: lowercases <paramref name="text"/> into
    /// <paramref name="buffer"/> (replaced by a larger one when too small, so a caller reuses it across documents)
    /// and enumerates the tokens as slices of it, without allocating a string per token.
    /// </summary>
    public static TokenEnumerator LowercaseTokens(ReadOnlySpan<char> text, ref char[] buffer)
    {
        int needed = PythonCase.MaxLoweredLength(text.Length);
        if (buffer.Length < needed) buffer = new char[Math.Max(needed, 2 * buffer.Length)];
        int length = PythonCase.ToLower(text, buffer);
        return new TokenEnumerator(buffer.AsSpan(0, length));
    }

    /// <summary>The tokens of an already lowercased text, as slices of it.</summary>
    public static TokenEnumerator Tokens(ReadOnlySpan<char> lowered) => new(lowered);

    /// <summary>Scans maximal runs of word code points; yields those of at least two code points.</summary>
    public ref struct TokenEnumerator
    {
        private readonly ReadOnlySpan<char> _text;
        private int _position;

        internal TokenEnumerator(ReadOnlySpan<char> text)
        {
            _text = text;
            _position = 0;
            Current = default;
        }

        public ReadOnlySpan<char> Current { get; private set; }

        public readonly TokenEnumerator GetEnumerator() => this;

        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        public bool MoveNext()
        {
            while (_position < _text.Length)
            {
                int width = WordWidthAt(_position);
                if (width == 0) { _position++; continue; }
                int start = _position, codePoints = 0;
                while (width > 0)
                {
                    _position += width;
                    codePoints++;
                    width = _position < _text.Length ? WordWidthAt(_position) : 0;
                }
                if (codePoints >= MinimumTokenLength)
                {
                    Current = _text[start.._position];
                    return true;
                }
            }
            return false;
        }

        /// <summary>The UTF-16 width of the word code point at <paramref name="index"/>, or 0 if it is not one.</summary>
        [MethodImpl(MethodImplOptions.AggressiveOptimization)]
        private readonly int WordWidthAt(int index)
        {
            char c = _text[index];
            if (!char.IsSurrogate(c)) return WordCharacters.IsWordCharacter(c) ? 1 : 0;
            // A lone surrogate (category Cs) is not a word character, in Python as here.
            if (char.IsHighSurrogate(c) && index + 1 < _text.Length && char.IsLowSurrogate(_text[index + 1]))
                return WordCharacters.IsWordCharacter(new Rune(c, _text[index + 1])) ? 2 : 0;
            return 0;
        }
    }
}
