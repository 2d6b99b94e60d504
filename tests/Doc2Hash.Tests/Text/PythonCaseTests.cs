using Doc2Hash.Text;

namespace Doc2Hash.Tests.Text;

public class PythonCaseTests
{
    // Expected strings from Python 3.11's str.lower().
    [Theory]
    [InlineData("HELLO World", "hello world")]
    [InlineData("ÀÉÎÕÜ Ÿ", "àéîõü ÿ")]
    [InlineData("ЖУРНАЛ", "журнал")]
    [InlineData("ǅemal", "ǆemal")]                          // titlecase digraph
    [InlineData("İstanbul", "i\u0307stanbul")]               // full mapping: dotted capital I becomes i + U+0307
    [InlineData("ΟΔΟΣ ΣΑΣ. Σ ΑΣ'Β", "οδος σας. σ ασ'β")]  // final sigma only at the end of a word
    public void ToLower_matches_python_str_lower(string text, string expected)
    {
        Assert.Equal(expected, PythonCase.ToLower(text));
    }

    [Fact]
    public void Dotted_capital_i_leaves_a_combining_dot_that_splits_the_token_as_in_python()
    {
        // Python: re.findall(r"(?u)\b\w\w+\b", "İstanbul".lower()) == ["stanbul"].
        Assert.Equal(new[] { "stanbul" }, Tokenizer.Tokenize("İstanbul"));
    }
}
