using Doc2Hash.Data.Readers;
using Doc2Hash.IO;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Data.Readers;

/// <summary>User corpora that would silently give wrong results are errors naming the file and the line.</summary>
public class UserCorpusValidationTests
{
    static readonly UserCorpusSplit Split = new();

    [Fact]
    [BadInput("folder corpus", "a binary file (an image with NUL bytes) among the documents", "DataFormatException: '.../sport/photo.jpg' holds a NUL byte at byte offset 4: it is a binary file ...")]
    public void A_binary_file_in_a_folder_corpus_is_refused_by_name()
    {
        using var folder = new TempFolder();
        folder.WriteText("c/sport/1.txt", "match report");
        string image = folder.WriteBytes("c/sport/photo.jpg", [0xFF, 0xD8, 0xFF, 0xE0, 0x00, 0x10]);
        folder.WriteText("c/news/2.txt", "vote count");

        var error = Assert.Throws<DataFormatException>(() => FolderCorpusReader.Read(folder.File("c"), Split));

        Assert.Contains($"'{image}' holds a NUL byte at byte offset 4", error.Message);
    }

    [Fact]
    [BadInput("CSV corpus", "a NUL byte inside a CSV file", "DataFormatException: '...' holds a NUL byte at byte offset 13 ...")]
    public void A_nul_byte_in_a_csv_is_refused()
    {
        using var folder = new TempFolder();
        string path = folder.WriteBytes("c.csv", [.. "text,label\nab"u8, 0, .. ",x\n"u8]);
        Assert.Contains("holds a NUL byte at byte offset 13", Assert.Throws<DataFormatException>(() => CsvCorpusReader.Read(path, Split)).Message);
    }

    [Fact]
    public void Train_and_test_folders_that_reuse_file_names_give_distinct_ids()
    {
        using var folder = new TempFolder();
        folder.WriteText("c/train/pos/0.txt", "good");
        folder.WriteText("c/test/pos/0.txt", "great");
        folder.WriteText("c/train/neg/0.txt", "bad");
        folder.WriteText("c/test/neg/0.txt", "awful");

        var corpus = FolderCorpusReader.Read(folder.File("c"), Split);

        Assert.Equal(["train/neg/0.txt", "train/pos/0.txt"], corpus.Train.Select(d => d.Id));
        Assert.Equal(["test/neg/0.txt", "test/pos/0.txt"], corpus.Test.Select(d => d.Id));
    }

    [Fact]
    [BadInput("CSV corpus", "two rows with the same id", "DataFormatException: the document id 'n1' appears twice (..., line 2 and ..., line 4)")]
    public void Duplicate_ids_in_a_csv_name_both_lines()
    {
        using var folder = new TempFolder();
        string path = folder.WriteText("d.csv", "id,text,label\nn1,a,x\nn2,b,y\nn1,c,x\n");

        var error = Assert.Throws<DataFormatException>(() => CsvCorpusReader.Read(path, Split));

        Assert.Contains($"the document id 'n1' appears twice ({path}, line 2 and {path}, line 4)", error.Message);
    }

    [Fact]
    [BadInput("JSONL corpus", "two lines with the same id", "DataFormatException: the document id '7' appears twice (..., line 1 and ..., line 3)")]
    public void Duplicate_ids_in_jsonl_name_both_lines()
    {
        using var folder = new TempFolder();
        string path = folder.WriteText("d.jsonl", "{\"id\": 7, \"text\": \"a\", \"label\": \"x\"}\n{\"id\": 8, \"text\": \"b\", \"label\": \"y\"}\n{\"id\": 7, \"text\": \"c\", \"label\": \"x\"}\n");

        var error = Assert.Throws<DataFormatException>(() => JsonlCorpusReader.Read(path, Split));

        Assert.Contains($"the document id '7' appears twice ({path}, line 1 and {path}, line 3)", error.Message);
    }

    [Fact]
    [BadInput("CSV corpus", "an empty 'labels' cell in a corpus where every other row has one label", "DataFormatException: 1 document(s) have an empty label (..., line 3), while every other document has exactly one (was: silently multi-label)")]
    public void An_empty_labels_cell_in_a_single_label_csv_names_the_line()
    {
        using var folder = new TempFolder();
        string path = folder.WriteText("d.csv", "text,labels\nfirst,sport\nsecond,\nthird,news\n");

        var error = Assert.Throws<DataFormatException>(() => CsvCorpusReader.Read(path, Split));

        Assert.Contains($"1 document(s) have an empty label ({path}, line 3), while every other document has exactly one", error.Message);
    }

    [Fact]
    [BadInput("JSONL corpus", "an empty \"labels\" array in a single-label corpus", "DataFormatException: ... have an empty label (..., line 2) ...")]
    public void An_empty_labels_array_in_a_single_label_jsonl_names_the_line()
    {
        using var folder = new TempFolder();
        string path = folder.WriteText("d.jsonl", "{\"text\": \"a\", \"labels\": [\"x\"]}\n{\"text\": \"b\", \"labels\": []}\n");
        Assert.Contains($"({path}, line 2)", Assert.Throws<DataFormatException>(() => JsonlCorpusReader.Read(path, Split)).Message);
    }

    [Fact]
    [BadInput("CSV corpus", "a corpus in which no document has a label", "DataFormatException: no document has a label ...")]
    public void A_corpus_without_any_label_is_refused()
    {
        using var folder = new TempFolder();
        string path = folder.WriteText("d.csv", "text,labels\na,\nb,\n");
        Assert.Contains("no document has a label", Assert.Throws<DataFormatException>(() => CsvCorpusReader.Read(path, Split)).Message);
    }

    [Fact]
    public void A_multi_label_corpus_may_hold_unlabelled_documents()
    {
        using var folder = new TempFolder();
        string path = folder.WriteText("d.csv", "text,labels\na,x|y\nb,\nc,x\n");
        var corpus = CsvCorpusReader.Read(path, Split);
        Assert.True(corpus.IsMultiLabel);
        Assert.Equal(3, corpus.Train.Count + corpus.Test.Count);
    }

    [Fact]
    [BadInput("JSONL corpus", "a lone UTF-16 surrogate escape \"\\ud800\" in the text", "DataFormatException: ..., line 2: \"text\" holds an invalid \\u escape (a lone UTF-16 surrogate ...)")]
    public void A_lone_surrogate_escape_names_the_line_and_the_field()
    {
        using var folder = new TempFolder();
        string path = folder.WriteText("d.jsonl", "{\"text\": \"fine\", \"label\": \"x\"}\n{\"text\": \"bad \\ud800 here\", \"label\": \"x\"}\n");

        var error = Assert.Throws<DataFormatException>(() => JsonlCorpusReader.Read(path, Split));

        Assert.Contains($"{path}, line 2: \"text\" holds an invalid \\u escape", error.Message);
    }
}
