using Doc2Hash.NotebookRunner.Parameters;

namespace Doc2Hash.NotebookRunner.Tests.Parameters;

public class ParametersCellTests
{
    [Fact]
    public void Reads_typed_declarations_and_the_literal_type_of_var_in_order()
    {
        var declarations = ParametersCell.Declarations(
            "// defaults\nstring profile = \"paper\"; // quick or paper\nint epochs = 30, bits = 32;\nvar rate = 0.5;\nvar seed = 7L;\nvar names = \"a\";\nstring[] datasets = { \"ng20\" };\nbool? flag = null;");
        Assert.Equal(
            new[] { ("profile", "string"), ("epochs", "int"), ("bits", "int"), ("rate", "double"), ("seed", "long"), ("names", "string"), ("datasets", "string[]"), ("flag", "bool?") },
            declarations.Select(d => (d.Name, d.Type)));
    }

    [Fact]
    public void Ignores_locals_inside_lambdas_and_methods()
    {
        var declarations = ParametersCell.Declarations("int epochs = 3;\nFunc<int> f = () => { int inner = 1; return inner; };");
        Assert.Equal(new[] { "epochs", "f" }, declarations.Select(d => d.Name));
    }

    [Fact]
    public void Var_with_a_computed_initializer_is_rejected_with_the_fix()
    {
        var error = Assert.Throws<ParameterException>(() => ParametersCell.Declarations("var datasets = new[] { \"ng20\" };"));
        Assert.Contains("'datasets'", error.Message);
        Assert.Contains("write its type", error.Message);
    }
}
