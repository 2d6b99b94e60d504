using Doc2Hash.IO;
using Doc2Hash.Data.Readers;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Data.Readers;

public class UserCorpusReaderTests
{
    static readonly UserCorpusSplit Split = new();

    [Fact]
    public void Folder_corpus_reads_one_document_per_file_labelled_by_folder()
    {
        using var folder = new TempFolder();
        for (int i = 0; i < 5; i++)
        {
            folder.WriteText($"corpus/sport/{i}.txt", $"match {i}");
            folder.WriteText($"corpus/politics/{i}.txt", $"vote {i}");
        }
        folder.WriteText("corpus/sport/.hidden", "skipped");

        var corpus = FolderCorpusReader.Read(folder.File("corpus"), Split);

        // 10 documents, 80/20: round(0.2 * 10) = 2 in test.
        Assert.Equal((8, 2), (corpus.Train.Count, corpus.Test.Count));
        Assert.Equal("corpus", corpus.Name);
        Assert.False(corpus.IsMultiLabel);
        Assert.DoesNotContain(corpus.Train.Concat(corpus.Test), d => d.Text == "skipped");
        Assert.Equal("politics/0.txt", corpus.Train.Concat(corpus.Test).MinBy(d => d.Id, StringComparer.Ordinal)!.Id);
    }

    [Fact]
    public void Folder_corpus_with_train_and_test_folders_keeps_that_split()
    {
        using var folder = new TempFolder();
        folder.WriteText("c/train/a/1", "x");
        folder.WriteText("c/train/b/2", "y");
        folder.WriteText("c/test/a/3", "z");

        var corpus = FolderCorpusReader.Read(folder.File("c"), Split);

        Assert.Equal(["train/a/1", "train/b/2"], corpus.Train.Select(d => d.Id));
        Assert.Equal(["test/a/3"], corpus.Test.Select(d => d.Id));
    }

    [Fact]
    public void Seeded_split_is_repeatable_and_depends_on_the_seed()
    {
        bool[] first = UserCorpusBuilder.DrawTestMask(50, Split);
        bool[] again = UserCorpusBuilder.DrawTestMask(50, Split);
        bool[] other = UserCorpusBuilder.DrawTestMask(50, Split with { Seed = 2 });

        Assert.Equal(first, again);
        Assert.NotEqual(first, other);
        Assert.Equal(10, first.Count(t => t)); // 0.2 x 50
    }

    [Fact]
    public void Csv_corpus_reads_quoted_fields_pipe_separated_labels_and_the_split_column()
    {
        using var folder = new TempFolder();
        string path = folder.WriteText("news.csv",
            "id,Text,labels,split\r\n" +
            "n1,\"Prices rose, \"\"sharply\"\"\nsaid analysts\",econ|markets,train\r\n" +
            "n2,plain text,econ,test\r\n" +
            "\r\n" +
            "n3,more,,train\r\n");

        var corpus = CsvCorpusReader.Read(path, Split);

        Assert.Equal(["n1", "n3"], corpus.Train.Select(d => d.Id));
        Assert.Equal("Prices rose, \"sharply\"\nsaid analysts", corpus.Train[0].Text);
        Assert.Equal(["econ", "markets"], corpus.Train[0].Labels);
        Assert.Empty(corpus.Train[1].Labels);
        Assert.True(corpus.IsMultiLabel);
        Assert.Equal("news", corpus.Name);
    }

    [Fact]
    [BadInput("CSV corpus", "a row with an unquoted comma (3 fields for 2 columns)", "DataFormatException: ..., line 4: 3 fields, the header has 2. Quote fields that contain commas.")]
    public void Csv_row_with_the_wrong_number_of_fields_names_file_and_line()
    {
        using var folder = new TempFolder();
        // The quoted field of row 2 spans two lines, so the bad row starts on line 4.
        string path = folder.WriteText("bad.csv", "text,label\n\"two\nlines\",a\nunquoted, comma,b\n");

        var error = Assert.Throws<DataFormatException>(() => CsvCorpusReader.Read(path, Split));

        Assert.Contains($"{path}, line 4: 3 fields, the header has 2", error.Message);
    }

    [Fact]
    [BadInput("CSV corpus", "no 'text' column", "DataFormatException: line 1: the header has no 'text' column (found: body, label)")]
    public void Csv_without_a_text_column_lists_the_columns_found()
    {
        using var folder = new TempFolder();
        string path = folder.WriteText("bad.csv", "body,label\nx,a\n");

        var error = Assert.Throws<DataFormatException>(() => CsvCorpusReader.Read(path, Split));

        Assert.Contains("no 'text' column (found: body, label)", error.Message);
    }

    [Fact]
    [BadInput("CSV corpus", "a quoted field never closed", "DataFormatException: ..., line 3: a quoted field is never closed")]
    public void Csv_with_an_unclosed_quote_names_the_line_it_starts_on()
    {
        using var folder = new TempFolder();
        string path = folder.WriteText("bad.csv", "text,label\nok,a\n\"never closed,b\n");

        var error = Assert.Throws<DataFormatException>(() => CsvCorpusReader.Read(path, Split));

        Assert.Contains($"{path}, line 3: a quoted field is never closed", error.Message);
    }

    [Fact]
    [BadInput("CSV corpus", "split value 'dev'", "DataFormatException: ..., line 3: split 'dev' must be 'train' or 'test'")]
    public void Csv_with_an_invalid_split_value_names_the_line()
    {
        using var folder = new TempFolder();
        string path = folder.WriteText("bad.csv", "text,label,split\nx,a,train\ny,b,dev\n");

        var error = Assert.Throws<DataFormatException>(() => CsvCorpusReader.Read(path, Split));

        Assert.Contains($"{path}, line 3: split 'dev' must be 'train' or 'test'", error.Message);
    }

    [Fact]
    public void Jsonl_corpus_accepts_label_or_labels_and_numbers()
    {
        using var folder = new TempFolder();
        string path = folder.WriteText("data.jsonl",
            "{\"text\": \"a b\", \"labels\": [\"x\", \"y\"], \"split\": \"train\"}\n" +
            "\n" +
            "{\"text\": \"c\", \"label\": 3, \"split\": \"test\", \"id\": \"doc-c\"}\n");

        var corpus = JsonlCorpusReader.Read(path, Split);

        Assert.Equal(["x", "y"], Assert.Single(corpus.Train).Labels);
        Assert.Equal("1", corpus.Train[0].Id); // no id: the line number
        Assert.Equal(("doc-c", "3"), (corpus.Test[0].Id, corpus.Test[0].Labels.Single()));
    }

    [Fact]
    [BadInput("JSONL corpus", "a line that is not valid JSON", "DataFormatException: ..., line 2: not valid JSON (...)")]
    public void Jsonl_malformed_line_names_file_and_line()
    {
        using var folder = new TempFolder();
        string path = folder.WriteText("data.jsonl", "{\"text\": \"a\", \"label\": \"x\"}\n{\"text\": \"b\", \"label\": }\n");

        var error = Assert.Throws<DataFormatException>(() => JsonlCorpusReader.Read(path, Split));

        Assert.Contains($"{path}, line 2: not valid JSON", error.Message);
    }

    [Fact]
    [BadInput("JSONL corpus", "an object without labels or label", "DataFormatException: ..., line 1: the object has neither \"labels\" (array) nor \"label\"")]
    public void Jsonl_line_without_labels_says_which_fields_are_expected()
    {
        using var folder = new TempFolder();
        string path = folder.WriteText("data.jsonl", "{\"text\": \"a\"}\n");

        var error = Assert.Throws<DataFormatException>(() => JsonlCorpusReader.Read(path, Split));

        Assert.Contains($"{path}, line 1: the object has neither \"labels\" (array) nor \"label\"", error.Message);
    }

    [Fact]
    [BadInput("JSONL corpus", "some documents declaring a split and others not", "DataFormatException: 1 of 2 documents declare a split ...")]
    public void Mixing_declared_and_undeclared_splits_is_an_error()
    {
        using var folder = new TempFolder();
        string path = folder.WriteText("data.jsonl", "{\"text\": \"a\", \"label\": \"x\", \"split\": \"train\"}\n{\"text\": \"b\", \"label\": \"x\"}\n");

        var error = Assert.Throws<DataFormatException>(() => JsonlCorpusReader.Read(path, Split));

        Assert.Contains("1 of 2 documents declare a split", error.Message);
    }
}
