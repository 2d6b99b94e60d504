using Doc2Hash.Text;

namespace Doc2Hash.Tests.Text;

public class StopWordsTests
{
    [Fact]
    public void English_list_has_scikit_learns_318_words()
    {
        // len(sklearn.feature_extraction.text.ENGLISH_STOP_WORDS) == 318.
        Assert.Equal(318, StopWords.English.Count);
    }

    [Theory]
    [InlineData("the")]
    [InlineData("a")]
    [InlineData("amoungst")]   // sic: the Glasgow list's spelling, kept by scikit-learn
    [InlineData("interest")]   // a surprise in the Glasgow list, and a Reuters category name
    [InlineData("system")]
    [InlineData("yourselves")]
    public void English_list_contains(string word) => Assert.Contains(word, (IReadOnlySet<string>)StopWords.English);

    [Theory]
    [InlineData("computer")]
    [InlineData("The")]        // the list is lowercase; tokens are lowercased before the lookup
    [InlineData("god")]
    public void English_list_does_not_contain(string word) => Assert.DoesNotContain(word, (IReadOnlySet<string>)StopWords.English);
}
