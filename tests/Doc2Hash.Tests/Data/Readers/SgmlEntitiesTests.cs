using Doc2Hash.Data.Readers;

namespace Doc2Hash.Tests.Data.Readers;

public class SgmlEntitiesTests
{
    [Theory]
    [InlineData("a &lt;b&gt; &amp; c", "a <b> & c")]
    [InlineData("Reuter\n&#3;", "Reuter\n\u0003")]
    [InlineData("&#x41;&#66;", "AB")]
    [InlineData("AT&T &unknown; & 5;", "AT&T &unknown; & 5;")] // not a known reference: kept as written
    [InlineData("no entities", "no entities")]
    public void Decodes_named_and_numeric_references(string input, string expected) =>
        Assert.Equal(expected, SgmlEntities.Decode(input));
}
