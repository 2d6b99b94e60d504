using System.CommandLine;
using Doc2Hash.Cli.Commands;

// The `doc2hash` command: thin parsing and printing around library calls. Each command group lives in Commands/.
// Every exception that reaches this level is reported here, once, as one paragraph (CliErrors); --verbose adds the stack trace.
ParseResult? parse = null;
try
{
    var root = new RootCommand("Doc2Hash: learn binary codes for documents (Doc2hash, NAACL 2019) and evaluate Hamming retrieval.");
    root.Options.Add(CliErrors.Verbose);
    root.Subcommands.Add(InfoCommand.Create());
    root.Subcommands.Add(ReproduceCommand.Create());
    root.Subcommands.Add(ReproduceCommand.Report());
    root.Subcommands.Add(DataCommand.Create());
    root.Subcommands.Add(MethodsCommand.Create());
    root.Subcommands.Add(TrainCommand.Create());
    root.Subcommands.Add(EvalCommand.Create());
    root.Subcommands.Add(EncodeCommand.Create());
    root.Subcommands.Add(BenchCommand.Create());
    root.Subcommands.Add(NotebooksCommand.Create());
    root.Subcommands.Add(LabCommand.Create());
    root.Subcommands.Add(IndexCommand.Create());
    root.Subcommands.Add(SearchCommand.Create());
    root.Subcommands.Add(HashCommand.Create());
    root.Subcommands.Add(TopKCommand.Create());
    parse = root.Parse(args);
    return parse.Invoke(new InvocationConfiguration { EnableDefaultExceptionHandler = false });
}
catch (Exception error)
{
    bool verbose = parse is not null ? parse.GetValue(CliErrors.Verbose) : args.Contains(CliErrors.Verbose.Name);
    return CliErrors.Report(error, verbose, Console.Error);
}
