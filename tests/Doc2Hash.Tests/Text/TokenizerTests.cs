using System.Text;
using System.Text.RegularExpressions;
using Doc2Hash.Text;

namespace Doc2Hash.Tests.Text;

public class TokenizerTests
{
    // Expected tokens below were produced by Python 3.11: re.findall(r"(?u)\b\w\w+\b", text.lower()),
    // which is what scikit-learn's CountVectorizer(lowercase=True) does before stop-word removal.
    [Theory]
    [InlineData("a b cd e fgh", new[] { "cd", "fgh" })]                                  // one-character tokens are dropped
    [InlineData("x_1 __init__ 42 7 a1 _", new[] { "x_1", "__init__", "42", "a1" })]      // underscores and digits are word characters
    [InlineData("don't o'clock it's", new[] { "don", "clock", "it" })]                    // apostrophes split words
    [InlineData("e-mail state-of-the-art", new[] { "mail", "state", "of", "the", "art" })]
    [InlineData("HELLO World", new[] { "hello", "world" })]                               // lowercased first
    [InlineData("Café NAÏVE Ελληνικά Москва 東京", new[] { "café", "naïve", "ελληνικά", "москва", "東京" })]
    public void Tokenize_matches_python_on_common_text(string text, string[] expected)
    {
        Assert.Equal(expected, Tokenizer.Tokenize(text));
    }

    // Where Python's \w (letters and all numbers, plus '_') and .NET's regex \w ([\p{L}\p{Mn}\p{Nd}\p{Pc}]) differ.
    [Theory]
    [InlineData("x² h₂o ¼½ ⅻ", new[] { "x²", "h₂o", "¼½" })]   // No / Nl numbers are word characters in Python
    [InlineData("cafe\u0301 ok", new[] { "cafe", "ok" })]       // a combining accent (Mn) is not
    [InlineData("ab\u203Fcd", new[] { "ab", "cd" })]            // connector punctuation other than '_' is not
    public void Tokenize_uses_pythons_word_characters_not_dotnets(string text, string[] expected)
    {
        Assert.Equal(expected, Tokenizer.Tokenize(text));
    }

    [Fact]
    public void Tokenize_counts_code_points_so_one_supplementary_letter_is_too_short()
    {
        // U+1D400 and U+1D401 (MATHEMATICAL BOLD CAPITAL A, B) are one code point but two UTF-16 units each.
        Assert.Equal(new[] { "\U0001D400\U0001D401" }, Tokenizer.Tokenize("\U0001D400 \U0001D400\U0001D401"));
    }

    [Fact]
    public void Tokenize_lowercases_supplementary_letters()
    {
        // Deseret capital letters U+10400, U+10401 lowercase to U+10428, U+10429 (Python: '𐐨𐐩').
        Assert.Equal(new[] { "\U00010428\U00010429" }, Tokenizer.Tokenize("\U00010400\U00010401"));
    }

    [Fact]
    public void Tokenizer_agrees_with_dotnet_regex_on_random_ascii_text()
    {
        // On ASCII, Python's and .NET's \w are both [A-Za-z0-9_], so scikit-learn's pattern can run as a .NET Regex.
        var regex = new Regex(@"\b\w\w+\b", RegexOptions.CultureInvariant);
        const string alphabet = "abcXYZ019_ '-.,!\n\t";
        var random = new Random(20240601);
        for (int trial = 0; trial < 300; trial++)
        {
            string text = RandomText(random, alphabet.Select(c => c.ToString()).ToArray(), 80);
            var expected = regex.Matches(text.ToLowerInvariant()).Select(m => m.Value).ToList();
            Assert.Equal(expected, Tokenizer.Tokenize(text));
        }
    }

    [Fact]
    public void Tokenizer_agrees_with_a_regex_using_pythons_word_class_on_random_unicode_text()
    {
        // Python's \b\w\w+\b with \w = [\p{L}\p{N}_] written as a .NET Regex (BMP characters only: .NET regexes see
        // UTF-16 units). This checks the hand-written scanner's runs and boundaries on mixed scripts and categories.
        const string word = @"[\p{L}\p{N}_]";
        var regex = new Regex($@"(?<!{word}){word}{word}+(?!{word})", RegexOptions.CultureInvariant);
        string[] pool =
        [
            "a", "Z", "q", "7", "0", "_", " ", "\n", "'", "-", ".", "é", "É", "ß", "µ", "²", "½", "×", "÷", "ª", "\u00AD",
            "α", "Σ", "ж", "Ж", "東", "京", "\u0301", "\u203F", "\u2160", "\u0660", "\u3000", "ǅ",
        ];
        var random = new Random(42);
        for (int trial = 0; trial < 300; trial++)
        {
            string text = RandomText(random, pool, 60);
            string lowered = PythonCase.ToLower(text);
            var expected = regex.Matches(lowered).Select(m => m.Value).ToList();
            Assert.Equal(expected, Tokenizer.Tokenize(text));
        }
    }

    private static string RandomText(Random random, string[] pool, int length)
    {
        var builder = new StringBuilder();
        for (int i = 0; i < length; i++) builder.Append(pool[random.Next(pool.Length)]);
        return builder.ToString();
    }
}
