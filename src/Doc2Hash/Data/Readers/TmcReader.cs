using System.Globalization;
using System.Text;
using Doc2Hash.Data.Acquisition;
using Doc2Hash.IO;

namespace Doc2Hash.Data.Readers;

/// <summary>The ±1 label matrix of a TMC split: for each document (row) the 0-based columns holding +1.</summary>
public sealed record TmcLabelMatrix(string Path, int Columns, IReadOnlyList<int[]> PositiveColumns)
{
    public int Rows => PositiveColumns.Count;
}

/// <summary>
/// Reads the SIAM 2007 Text Mining Competition files: documents as <c>&lt;id&gt;~&lt;text&gt;</c> lines
/// (TrainingData.txt, TestData.txt) and label matrices as CSV rows of 22 values in {1, -1} with CRLF endings
/// (TrainCategoryMatrix.csv, TestTruth.csv). Label names are the 0-based column numbers "0".."21".
/// </summary>
public static class TmcReader
{
    const char IdSeparator = '~';

    public static RawCorpus Read(string trainText, string trainLabels, string testText, string testLabels, string name = "tmc")
    {
        var train = Combine(trainText, ReadDocuments(trainText), ReadLabelMatrix(trainLabels));
        var test = Combine(testText, ReadDocuments(testText), ReadLabelMatrix(testLabels));
        return new RawCorpus(name, train, test, IsMultiLabel: true);
    }

    /// <summary>The (id, text) pairs of a document file; blank lines are ignored.</summary>
    public static List<(string Id, string Text)> ReadDocuments(string path)
    {
        var documents = new List<(string, string)>();
        foreach (var (number, line) in LineReader.ReadLines(path, Encoding.Latin1))
        {
            if (line.Length == 0) continue;
            int separator = line.IndexOf(IdSeparator);
            if (separator <= 0)
                throw new DataFormatException($"{path}, line {number}: expected '<id>~<text>', found no id before a '~'. " +
                                          "Is this a TMC TrainingData.txt / TestData.txt file?");
            documents.Add((line[..separator], line[(separator + 1)..]));
        }
        return documents;
    }

    public static TmcLabelMatrix ReadLabelMatrix(string path)
    {
        var rows = new List<int[]>();
        int columns = -1;
        foreach (var (number, line) in LineReader.ReadLines(path))
        {
            if (line.Length == 0) continue;
            string[] values = line.Split(',');
            if (columns >= 0 && values.Length != columns)
                throw new DataFormatException($"{path}, line {number}: {values.Length} values, the rows above have {columns}. The label matrix is damaged.");
            columns = values.Length;
            rows.Add(PositiveColumns(values, path, number));
        }
        return new TmcLabelMatrix(path, Math.Max(columns, 0), rows);
    }

    static int[] PositiveColumns(string[] values, string path, int lineNumber)
    {
        var positive = new List<int>();
        for (int column = 0; column < values.Length; column++)
        {
            int value = int.TryParse(values[column].Trim(), NumberStyles.AllowLeadingSign, CultureInfo.InvariantCulture, out int v) ? v : 0;
            if (value is not (1 or -1))
                throw new DataFormatException($"{path}, line {lineNumber}, column {column + 1}: '{values[column]}' is not 1 or -1.");
            if (value == 1) positive.Add(column);
        }
        return positive.ToArray();
    }

    static List<RawDocument> Combine(string textPath, List<(string Id, string Text)> documents, TmcLabelMatrix labels)
    {
        if (documents.Count != labels.Rows)
            throw new DataSourceException(
                $"'{textPath}' holds {documents.Count} documents but '{labels.Path}' has {labels.Rows} label rows; they must match " +
                "one to one. One of the two files is truncated or belongs to another split: download both again.");
        return documents
            .Select((document, row) => new RawDocument(document.Id, document.Text,
                labels.PositiveColumns[row].Select(c => c.ToString(CultureInfo.InvariantCulture)).ToList()))
            .ToList();
    }
}
