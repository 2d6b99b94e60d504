using Doc2Hash.NotebookRunner.Documents;
using Doc2Hash.NotebookRunner.Parameters;
using Doc2Hash.NotebookRunner.Tests.TestSupport;

namespace Doc2Hash.NotebookRunner.Tests.Parameters;

public class ParameterInjectorTests
{
    private static NotebookFile Notebook(params System.Text.Json.Nodes.JsonObject[] cells)
    {
        using var file = new TestNotebook(cells);
        return NotebookFile.Load(file.InputPath);
    }

    [Fact]
    public void Adds_an_injected_parameters_cell_right_after_the_parameters_cell()
    {
        var notebook = Notebook(
            TestNotebook.Markdown("# Title"),
            TestNotebook.Code("string profile = \"paper\";\nint epochs = 30;", "parameters"),
            TestNotebook.Code("Console.WriteLine(epochs);"));
        ParameterInjector.Inject(notebook, new Dictionary<string, string> { ["epochs"] = "2", ["profile"] = "quick" }, "nb");

        Assert.Equal(4, notebook.Cells.Count);
        var injected = notebook.Cells[2];
        Assert.True(injected.HasTag("injected-parameters"));
        // One assignment per value, in the order of the declarations, typed by them.
        Assert.Equal("// Injected parameters (doc2hash notebooks run)\nprofile = \"quick\";\nepochs = 2;", injected.Source);
        Assert.Equal("Console.WriteLine(epochs);", notebook.Cells[3].Source);
    }

    [Fact]
    public void Running_an_executed_copy_again_replaces_its_injected_cell()
    {
        var notebook = Notebook(
            TestNotebook.Code("int epochs = 30;", "parameters"),
            TestNotebook.Code("epochs = 2;", "injected-parameters"),
            TestNotebook.Code("epochs"));
        ParameterInjector.Inject(notebook, new Dictionary<string, string> { ["epochs"] = "5" }, "nb");
        Assert.Equal(3, notebook.Cells.Count);
        Assert.EndsWith("epochs = 5;", notebook.Cells[1].Source);

        ParameterInjector.Inject(notebook, new Dictionary<string, string>(), "nb");
        Assert.Equal(2, notebook.Cells.Count); // no values: the notebook's own defaults, no injected cell
    }

    [Fact]
    public void An_unknown_parameter_is_an_error_listing_the_declared_ones()
    {
        var notebook = Notebook(TestNotebook.Code("string profile = \"paper\";\nint epochs = 30;", "parameters"));
        var error = Assert.Throws<ParameterException>(() =>
            ParameterInjector.Inject(notebook, new Dictionary<string, string> { ["epoch"] = "2" }, "01-x.ipynb"));
        Assert.Contains("01-x.ipynb", error.Message);
        Assert.Contains("'epoch'", error.Message);
        Assert.Contains("string profile, int epochs", error.Message);
    }

    [Fact]
    public void Parameters_for_a_notebook_without_a_parameters_cell_say_how_to_tag_one()
    {
        var notebook = Notebook(TestNotebook.Code("int epochs = 30;"));
        var error = Assert.Throws<ParameterException>(() =>
            ParameterInjector.Inject(notebook, new Dictionary<string, string> { ["profile"] = "quick" }, "nb"));
        Assert.Contains("tagged \"parameters\"", error.Message);
    }

    [Fact]
    public void Command_line_pairs_and_the_profile_shorthand_become_one_dictionary()
    {
        var values = ParameterArguments.Parse(["epochs=3", "name=a=b"], "quick");
        Assert.Equal("3", values["epochs"]);
        Assert.Equal("a=b", values["name"]); // only the first '=' separates
        Assert.Equal("quick", values["profile"]);
        Assert.Throws<ParameterException>(() => ParameterArguments.Parse(["epochs"], null));
        Assert.Throws<ParameterException>(() => ParameterArguments.Parse(["profile=paper"], "quick"));
    }
}
