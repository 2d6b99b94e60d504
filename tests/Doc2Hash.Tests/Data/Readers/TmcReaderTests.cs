using Doc2Hash.IO;
using Doc2Hash.Data.Acquisition;
using Doc2Hash.Data.Readers;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Data.Readers;

public class TmcReaderTests
{
    [Fact]
    public void Reads_documents_and_their_plus_one_columns_as_labels()
    {
        using var folder = new TempFolder();
        string trainText = folder.WriteGzip("TrainingData.txt.gz", "1~AFTER takeoff ON runway\n2~text with ~ tilde\n");
        string trainLabels = folder.WriteGzip("TrainCategoryMatrix.csv.gz", "1,-1,-1\r\n-1,1,1\r\n");
        string testText = folder.WriteText("TestData.txt", "7~only doc\n");
        string testLabels = folder.WriteText("TestTruth.csv", "-1,-1,1\r\n");

        var corpus = TmcReader.Read(trainText, trainLabels, testText, testLabels);

        Assert.Equal(["1", "2"], corpus.Train.Select(d => d.Id));
        Assert.Equal("text with ~ tilde", corpus.Train[1].Text); // only the first '~' separates the id
        Assert.Equal(["0"], corpus.Train[0].Labels);               // column 1 of the CSV is label "0"
        Assert.Equal(["1", "2"], corpus.Train[1].Labels);
        Assert.Equal(["2"], Assert.Single(corpus.Test).Labels);
        Assert.True(corpus.IsMultiLabel);
    }

    [Fact]
    public void Label_matrix_reports_rows_columns_and_positive_entries()
    {
        using var folder = new TempFolder();
        string path = folder.WriteText("TestTruth.csv", "1,-1\r\n1,1\r\n-1,-1\r\n");

        var matrix = TmcReader.ReadLabelMatrix(path);

        Assert.Equal((3, 2), (matrix.Rows, matrix.Columns));
        Assert.Equal([[0], [0, 1], []], matrix.PositiveColumns);
    }

    [Fact]
    [BadInput("TMC", "3 documents but 2 label rows", "DataSourceException naming both files and both counts")]
    public void Label_rows_that_do_not_match_the_documents_name_both_files_and_counts()
    {
        using var folder = new TempFolder();
        string text = folder.WriteText("TestData.txt", "1~a\n2~b\n3~c\n");
        string labels = folder.WriteText("TestTruth.csv", "1,-1\r\n-1,1\r\n");

        var error = Assert.Throws<DataSourceException>(() => TmcReader.Read(text, labels, text, labels));

        Assert.Contains($"'{text}' holds 3 documents but '{labels}' has 2 label rows", error.Message);
    }

    [Fact]
    [BadInput("TMC", "a label value 0 (not 1 or -1)", "DataFormatException: ..., line 2, column 2: '0' is not 1 or -1")]
    public void A_value_other_than_plus_or_minus_one_names_file_line_and_column()
    {
        using var folder = new TempFolder();
        string labels = folder.WriteText("TestTruth.csv", "1,-1\r\n1,0\r\n");

        var error = Assert.Throws<DataFormatException>(() => TmcReader.ReadLabelMatrix(labels));

        Assert.Contains($"{labels}, line 2, column 2: '0' is not 1 or -1", error.Message);
    }

    [Fact]
    [BadInput("TMC", "a label row shorter than the rows above", "DataFormatException: line 2: 2 values, the rows above have 3")]
    public void A_ragged_label_row_is_rejected()
    {
        using var folder = new TempFolder();
        string labels = folder.WriteText("TestTruth.csv", "1,-1,1\r\n1,-1\r\n");

        var error = Assert.Throws<DataFormatException>(() => TmcReader.ReadLabelMatrix(labels));

        Assert.Contains("line 2: 2 values, the rows above have 3", error.Message);
    }

    [Fact]
    [BadInput("TMC", "a document line without '<id>~'", "DataFormatException: ..., line 2: expected '<id>~<text>'")]
    public void A_document_line_without_an_id_names_file_and_line()
    {
        using var folder = new TempFolder();
        string text = folder.WriteText("TestData.txt", "1~fine\nno id here\n");

        var error = Assert.Throws<DataFormatException>(() => TmcReader.ReadDocuments(text));

        Assert.Contains($"{text}, line 2", error.Message);
    }

    [Fact]
    [BadInput("TMC", "a truncated .gz file", "DataSourceException: '...' is damaged or truncated ... Delete it and download it again")]
    public void A_truncated_gzip_file_is_reported_as_damaged_with_the_fix()
    {
        using var folder = new TempFolder();
        var lines = string.Concat(Enumerable.Range(1, 2000).Select(i => $"{i}~report number {i} {i * 7919 % 1000}\n"));
        byte[] whole = TempFolder.Gzip(System.Text.Encoding.ASCII.GetBytes(lines));
        string path = folder.WriteBytes("TestData.txt.gz", whole[..(whole.Length - 100)]);

        var error = Assert.Throws<DataSourceException>(() => TmcReader.ReadDocuments(path));

        Assert.Contains($"'{path}' is damaged or truncated", error.Message);
        Assert.Contains("Delete it and download it again", error.Message);
    }
}
