using System.CommandLine;
using Doc2Hash.NotebookRunner.Documents;
using Doc2Hash.NotebookRunner.Execution;
using Doc2Hash.NotebookRunner.Parameters;

// The notebook runner: one notebook per process, so every notebook starts from a fresh kernel, fresh formatters and
// a fresh set of loaded assemblies (`doc2hash notebooks run` starts one process per notebook).
// Exit codes: 0 all cells ran, 1 a cell failed (named on stderr), 2 the notebook or a parameter is unusable.
var notebook = new Argument<string>("notebook") { Description = "The .ipynb file to execute." };
var output = new Option<string>("--output", "-o") { Description = "Where to write the executed copy.", Required = true };
var parameters = new Option<string[]>("--parameter", "-p")
{
    Description = "name=value, assigned after the cell tagged 'parameters' (repeatable).",
    AllowMultipleArgumentsPerToken = false,
};
var profile = new Option<string?>("--profile") { Description = "Shorthand for -p profile=<value> (quick or paper)." };
var noExecute = new Option<bool>("--no-execute") { Description = "Only inject the parameters and write the copy (to execute it in Jupyter)." };
var root = new RootCommand("Executes a C# notebook top to bottom with .NET Interactive and writes the executed copy.")
{
    notebook, output, parameters, profile, noExecute,
};
root.SetAction(async (parse, cancellation) =>
{
    try
    {
        var options = new NotebookRunOptions(
            parse.GetValue(notebook)!,
            parse.GetValue(output)!,
            ParameterArguments.Parse(parse.GetValue(parameters) ?? [], parse.GetValue(profile)),
            Execute: !parse.GetValue(noExecute));
        var result = await NotebookExecutor.RunAsync(options, Console.Out);
        if (result.Failure is null) return 0;
        Console.Error.WriteLine(result.Failure.Describe(result.Notebook));
        Console.Error.WriteLine($"The executed copy up to that cell is in {result.OutputPath}.");
        return 1;
    }
    catch (Exception e) when (e is ParameterException or NotebookFormatException or FileNotFoundException)
    {
        Console.Error.WriteLine($"error: {e.Message}");
        return 2;
    }
});
return await root.Parse(args).InvokeAsync();
