using Doc2Hash.IO;
using Doc2Hash.Data.Readers;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Data.Readers;

public class ReutersSgmlParserTests
{
    [Fact]
    public void Parses_attributes_topics_title_and_body_with_entities_decoded()
    {
        string sgml = ReutersFixture.File(
            ReutersFixture.Article(1, "TRAIN", true, ["cocoa", "grain"], ReutersFixture.Full("BAHIA &lt;COCOA&gt; REVIEW", "Showers &amp; rain.\n Reuter\n&#3;")));

        var article = Assert.Single(ReutersSgmlParser.Parse(sgml, "reut2-000.sgm"));

        Assert.Equal(1, article.NewId);
        Assert.Equal("TRAIN", article.LewisSplit);
        Assert.True(article.HasTopics);
        Assert.Equal(["cocoa", "grain"], article.Topics);
        Assert.Equal("BAHIA <COCOA> REVIEW", article.Title);
        Assert.Equal("Showers & rain.\n Reuter\n\u0003", article.Body);
        // NLTK's ApteMod layout: the title first, then the body; the DATELINE is not part of the text.
        Assert.Equal("BAHIA <COCOA> REVIEW\nShowers & rain.\n Reuter\n\u0003", article.Text);
    }

    [Fact]
    public void Brief_and_unprocessed_articles_get_their_available_text()
    {
        string sgml = ReutersFixture.File(
            ReutersFixture.Article(2, "TEST", false, [], "<TEXT TYPE=\"BRIEF\">&#2;\n<TITLE>SHORT HEADLINE</TITLE>\n&#3;</TEXT>"),
            ReutersFixture.Article(3, "NOT-USED", false, [], "<TEXT TYPE=\"UNPROC\">&#2;\nraw wire text &amp; more\n&#3;</TEXT>"));

        var articles = ReutersSgmlParser.Parse(sgml, "reut2-001.sgm");

        Assert.Equal("SHORT HEADLINE", articles[0].Text);
        Assert.Equal("\u0002\nraw wire text & more\n\u0003", articles[1].Text);
        Assert.Empty(articles[0].Topics);
        Assert.False(articles[0].HasTopics);
    }

    [Fact]
    [BadInput("Reuters SGML", "an article without </REUTERS>", "DataFormatException: reut2-009.sgm, line 2: the <REUTERS> element has no </REUTERS>")]
    public void An_unterminated_article_names_the_file_and_line()
    {
        string sgml = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS TOPICS=\"YES\" NEWID=\"7\">\n<TEXT>cut off";

        var error = Assert.Throws<DataFormatException>(() => ReutersSgmlParser.Parse(sgml, "reut2-009.sgm"));

        Assert.Contains("reut2-009.sgm, line 2", error.Message);
    }

    [Fact]
    [BadInput("Reuters SGML", "a <REUTERS ...> start tag missing its '>' (it runs past </REUTERS>)", "DataFormatException: reut2-004.sgm, line 3: the <REUTERS ...> start tag is not closed with '>' ... (was ArgumentOutOfRangeException \"length ('-10') must be a non-negative value\")")]
    public void A_start_tag_without_its_closing_bracket_names_file_and_line()
    {
        string sgml = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n" + ReutersFixture.Article(1, "TRAIN", true, ["cocoa"], ReutersFixture.Full("T", "B")) +
                      "<REUTERS TOPICS=\"YES\" NEWID=\"2\"\n</REUTERS>\n";

        var error = Assert.Throws<DataFormatException>(() => ReutersSgmlParser.Parse(sgml, "reut2-004.sgm"));

        Assert.StartsWith($"reut2-004.sgm, line {1 + sgml[..sgml.LastIndexOf("<REUTERS", StringComparison.Ordinal)].Count(c => c == '\n')}: the <REUTERS ...> start tag is not closed", error.Message);
    }

    [Fact]
    [BadInput("Reuters SGML", "a <TEXT start tag without '>' before the end of its article", "DataFormatException: reut2-005.sgm, line N: the <TEXT> start tag has no closing '>' before the end of its element")]
    public void An_inner_start_tag_without_its_closing_bracket_names_file_and_line()
    {
        string sgml = "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n<REUTERS TOPICS=\"YES\" NEWID=\"7\">\n<DATE>x</DATE>\n<TEXT TYPE=\"BRIEF\"\n</REUTERS>\n";

        var error = Assert.Throws<DataFormatException>(() => ReutersSgmlParser.Parse(sgml, "reut2-005.sgm"));

        Assert.StartsWith("reut2-005.sgm, line 4: the <TEXT> start tag has no closing '>'", error.Message);
    }
}
