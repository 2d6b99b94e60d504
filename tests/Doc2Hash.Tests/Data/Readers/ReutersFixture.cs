namespace Doc2Hash.Tests.Data.Readers;

/// <summary>Hand-made Reuters-21578 SGML in the release's markup (lewis.dtd), covering its article shapes.</summary>
public static class ReutersFixture
{
    public static string Article(int newId, string lewisSplit, bool topics, string[] categories, string text) =>
        $"<REUTERS TOPICS=\"{(topics ? "YES" : "NO")}\" LEWISSPLIT=\"{lewisSplit}\" CGISPLIT=\"TRAINING-SET\" OLDID=\"{5000 + newId}\" NEWID=\"{newId}\">\n" +
        "<DATE>26-FEB-1987 15:01:01.79</DATE>\n" +
        $"<TOPICS>{string.Concat(categories.Select(c => $"<D>{c}</D>"))}</TOPICS>\n" +
        "<PLACES><D>usa</D></PLACES>\n<PEOPLE></PEOPLE>\n<ORGS></ORGS>\n<EXCHANGES></EXCHANGES>\n<COMPANIES></COMPANIES>\n" +
        "<UNKNOWN> \n&#5;&#5;&#5;C T\n&#22;&#22;&#1;f0704&#31;reute\n</UNKNOWN>\n" +
        text + "\n</REUTERS>\n";

    public static string Full(string title, string body) =>
        $"<TEXT>&#2;\n<TITLE>{title}</TITLE>\n<DATELINE>    NEW YORK, Feb 26 - </DATELINE><BODY>{body}</BODY></TEXT>";

    public static string File(params string[] articles) => "<!DOCTYPE lewis SYSTEM \"lewis.dtd\">\n" + string.Concat(articles);
}
