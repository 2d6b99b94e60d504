using Doc2Hash.NotebookRunner.Parameters;

namespace Doc2Hash.NotebookRunner.Tests.Parameters;

public class ParameterValueFormatterTests
{
    private static string Format(string type, string value) => ParameterValueFormatter.Format(new ParameterDeclaration("p", type), value);

    [Theory]
    [InlineData("string", "quick", "\"quick\"")]
    [InlineData("string", "3", "\"3\"")] // a string parameter stays a string even when it looks like a number
    [InlineData("string", "say \"hi\"\\now", "\"say \\\"hi\\\"\\\\now\"")]
    [InlineData("int", "42", "42")]
    [InlineData("int", "-3", "-3")]
    [InlineData("long", "5", "5L")]
    [InlineData("double", "0.5", "0.5")]
    [InlineData("double", "1", "1.0")] // stays a double literal
    [InlineData("double", "1e-3", "0.001")]
    [InlineData("float", "0.25", "0.25f")]
    [InlineData("decimal", "0.1", "0.1m")]
    [InlineData("bool", "true", "true")]
    [InlineData("bool", "False", "false")]
    [InlineData("System.Int32", "7", "7")]
    public void Writes_a_literal_of_the_declared_type(string type, string value, string expected) =>
        Assert.Equal(expected, Format(type, value));

    [Fact]
    public void Arrays_take_comma_separated_items_of_the_element_type()
    {
        Assert.Equal("new string[] { \"ng20\", \"reuters\" }", Format("string[]", "ng20, reuters"));
        Assert.Equal("new int[] { 16, 32 }", Format("int[]", "16,32"));
        Assert.Equal("new int[] {  }", Format("int[]", ""));
    }

    [Fact]
    public void Nullable_types_accept_null_and_their_underlying_values()
    {
        Assert.Equal("null", Format("int?", "null"));
        Assert.Equal("12", Format("int?", "12"));
    }

    [Theory]
    [InlineData("int", "3.5")]
    [InlineData("int", "three")]
    [InlineData("bool", "yes")]
    [InlineData("double", "NaN")]
    public void A_value_that_is_not_of_the_declared_type_names_the_parameter_and_type(string type, string value)
    {
        var error = Assert.Throws<ParameterException>(() => Format(type, value));
        Assert.Contains("'p'", error.Message);
        Assert.Contains($"declared {type}", error.Message);
        Assert.Contains($"\"{value}\"", error.Message);
    }

    [Fact]
    public void An_unsupported_type_is_rejected_with_the_supported_ones()
    {
        var error = Assert.Throws<ParameterException>(() => Format("List<int>", "1"));
        Assert.Contains("List<int>", error.Message);
        Assert.Contains("array", error.Message);
    }
}
