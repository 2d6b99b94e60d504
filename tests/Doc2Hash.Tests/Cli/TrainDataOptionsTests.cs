using System.Text;
using Doc2Hash.Cli.Commands;
using Doc2Hash.Experiments;
using Doc2Hash.IO;
using Doc2Hash.Tests.Data;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Cli;

/// <summary>
/// `train --dataset` takes a user corpus by absolute path, and the data options (--encoding, --mirror, --data-dir,
/// --offline) are on train and reproduce, declared once (DataOptionsBinder). Before, an absolute path replaced
/// --runs-dir: the run folder landed inside a folder corpus (read as a new label by the next prepare) and .csv/.jsonl
/// runs failed with "Could not find a part of the path".
/// </summary>
public class TrainDataOptionsTests
{
    private static readonly string[] Topics = ["space", "hockey", "medicine"];

    /// <summary>90 documents, 30 per topic, 12 words each from the topic's 15 words (every word in about 1/3 of the documents).</summary>
    private static IEnumerable<(string Label, string Text)> Documents()
    {
        var random = new Random(7);
        foreach (string topic in Topics)
            for (int d = 0; d < 30; d++)
                yield return (topic, string.Join(' ', Enumerable.Range(0, 12).Select(_ => $"{topic}word{random.Next(15)}")) + (topic == "medicine" ? " café" : ""));
    }

    private static string WriteCsv(TempFolder temp, string name, Encoding encoding) =>
        temp.WriteText(name, "text,label\n" + string.Concat(Documents().Select(d => $"{d.Text},{d.Label}\n")), encoding);

    private static string WriteFolderCorpus(TempFolder temp, string name)
    {
        int i = 0;
        foreach (var (label, text) in Documents()) temp.WriteText($"{name}/{label}/{i++}.txt", text);
        return temp.File(name);
    }

    private static int Train(TempFolder temp, string dataset, params string[] more) => Cli.Invoke(TrainCommand.Create(),
        ["--method", "lsh", "--dataset", dataset, "--bits", "8", "--k", "10", "--runs-dir", temp.File("runs"), "--data-dir", temp.File("data"), "--offline", .. more]);

    [Fact]
    [BadInput("train --dataset", "a user corpus given by absolute path (folder or .csv)", "accepted: the run folder goes to <runs-dir>/<corpus name>/..., never inside the corpus; config.json keeps the full path")]
    public void A_user_corpus_given_by_absolute_path_trains_into_the_runs_folder_and_leaves_the_corpus_alone()
    {
        using var temp = new TempFolder();
        string csv = WriteCsv(temp, "corpora/news.csv", new UTF8Encoding(false));
        string folder = WriteFolderCorpus(temp, "corpora/topics");
        var corpusFiles = Directory.GetFileSystemEntries(temp.File("corpora"), "*", SearchOption.AllDirectories).Order().ToArray();

        Assert.Equal(0, Train(temp, csv));
        Assert.Equal(0, Train(temp, folder + Path.DirectorySeparatorChar));

        Assert.Equal(corpusFiles, Directory.GetFileSystemEntries(temp.File("corpora"), "*", SearchOption.AllDirectories).Order().ToArray());
        var csvRun = RunFolder.Open(Assert.Single(Directory.GetDirectories(temp.File("runs/news"))));
        var folderRun = RunFolder.Open(Assert.Single(Directory.GetDirectories(temp.File("runs/topics"))));
        Assert.Equal(csv, csvRun.ReadConfig().Dataset);
        Assert.Equal(Path.TrimEndingDirectorySeparator(folder), Path.TrimEndingDirectorySeparator(folderRun.ReadConfig().Dataset));
        Assert.True(csvRun.IsFinished && folderRun.IsFinished);
    }

    [Fact]
    [BadInput("train --encoding", "a Latin-1 CSV corpus trained without --encoding", "DataFormatException naming the file and the ill-formed UTF-8 bytes; `train --encoding latin1` reads it")]
    public void Train_reads_a_latin1_corpus_with_encoding_and_refuses_it_as_utf8()
    {
        using var temp = new TempFolder();
        string csv = WriteCsv(temp, "latin.csv", Encoding.Latin1);
        var error = Assert.ThrowsAny<DataFormatException>(() => Train(temp, csv));
        Assert.Contains("latin.csv", error.Message);
        Assert.False(Directory.Exists(temp.File("runs")));
        Assert.Equal(0, Train(temp, csv, "--encoding", "latin1"));
        Assert.Single(Directory.GetDirectories(temp.File("runs/latin")));
    }

    [Fact]
    public void Train_and_reproduce_share_the_data_options()
    {
        string[] data = ["--encoding", "--mirror", "--data-dir", "--offline"];
        foreach (var command in new[] { TrainCommand.Create(), ReproduceCommand.Create() })
            Assert.All(data, name => Assert.Contains(command.Options, o => o.Name == name));
    }

    [Theory]
    [InlineData("ng20", "ng20")]
    [InlineData("/data/corpora/news.csv", "news")]
    [InlineData("/data/corpora/topics/", "topics")]
    [InlineData("corpora/ng20.tfidf.mat", "ng20.tfidf")]
    public void A_dataset_path_becomes_one_folder_name_under_the_runs_folder(string dataset, string folder) =>
        Assert.Equal(folder, RunFolder.DatasetFolderName(dataset));
}
