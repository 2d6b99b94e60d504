using System.CommandLine;
using System.Globalization;
using Doc2Hash.Experiments;
using Doc2Hash.Training;

namespace Doc2Hash.Cli.Commands;

/// <summary>`doc2hash search RUN "query text"`: the training documents nearest to a text in Hamming space.</summary>
internal static class SearchCommand
{
    public static Command Create()
    {
        var runPath = new Argument<string>("run") { Description = "A run folder with a search index (`doc2hash index build RUN`)." };
        var query = new Argument<string>("query") { Description = "The text to search for." };
        var k = new Option<int>("-k", "--k") { Description = "Documents to show.", DefaultValueFactory = _ => 10 };
        var radius = new Option<int?>("--radius") { Description = "Show the documents within this Hamming distance instead (at most K, in rank order)." };
        var dataset = new Option<string?>("--dataset") { Description = "The run's dataset, if not found under the name in config.json." };
        var device = new Option<string>("--device") { Description = "cpu, cuda, cuda:N or auto.", DefaultValueFactory = _ => "cpu" };
        var command = new Command("search", "Hash a text with the run's text model and best checkpoint, then list the nearest training documents (id, labels, Hamming distance, first words).");
        command.Arguments.Add(runPath);
        command.Arguments.Add(query);
        foreach (var option in new Option[] { k, radius, dataset, device }) command.Options.Add(option);
        command.SetAction(parse => {
            var run = RunFolder.Open(parse.GetValue(runPath)!);
            var (prepared, _) = TextRunSupport.Load(run, parse.GetValue(dataset));
            using var search = DocumentSearch.Open(run, prepared.Dataset, TorchEnvironment.ResolveDevice(parse.GetValue(device)!));
            var result = search.Search(parse.GetValue(query)!, parse.GetValue(k), parse.GetValue(radius));
            Print(result, search, parse.GetValue(radius));
            return 0;
        });
        return command;
    }

    private static void Print(SearchResult result, DocumentSearch search, int? radius)
    {
        Console.WriteLine($"query: {result.KnownWords} vocabulary words; code {result.Code.ToBitString(0)}");
        if (result.KnownWords == 0)
            Console.WriteLine("note: no word of the query is in the run's vocabulary, so its code carries no information about it.");
        if (radius is { } r)
            Console.WriteLine($"{search.Index.CountWithin(result.Code, r):N0} training documents within Hamming distance {r}; showing {result.Hits.Count}");
        Console.WriteLine($"{"rank",4} {"dist",4}  {"id",-24} {"labels",-24} first words");
        foreach (var hit in result.Hits)
            Console.WriteLine(string.Create(CultureInfo.InvariantCulture,
                $"{hit.Rank,4} {hit.Distance,4}  {Cut(hit.Document.Id, 24),-24} {Cut(string.Join(",", hit.Document.Labels), 24),-24} {hit.Document.Preview}"));
    }

    private static string Cut(string text, int width) => text.Length <= width ? text : text[..(width - 1)] + "~";
}
