using System.Text;
using Doc2Hash.Data;
using Doc2Hash.Data.Readers;
using Doc2Hash.IO;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Data.Readers;

/// <summary>
/// Text that is not UTF-8 is an error with its byte offset and line, or is read with the encoding the user names;
/// never silently decoded into replacement characters that split words.
/// </summary>
public class TextDecodingTests
{
    static readonly UserCorpusSplit Split = new();

    // "café" and "naïve" in Latin-1: é = 0xE9, ï = 0xEF, each a lone byte >= 0x80, which UTF-8 never allows.
    static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    [Fact]
    [BadInput("CSV corpus", "a Latin-1 file read as UTF-8 (the issue's 103-instead-of-220-words case)", "DataFormatException: '...' is not valid UTF-8: the byte E9 at byte offset 14 (line 2) is not UTF-8. It looks like Latin-1 ... --encoding latin1 ... iconv")]
    public void A_latin1_csv_is_refused_with_the_byte_offset_and_line()
    {
        using var folder = new TempFolder();
        // "text,label\n" is 11 bytes, "caf" 3 more: the é byte sits at offset 14, on line 2.
        string path = folder.WriteBytes("news.csv", Latin1("text,label\ncafé crème,food\nnaïve,other\n"));

        var error = Assert.Throws<DataFormatException>(() => CsvCorpusReader.Read(path, Split));

        Assert.Contains($"'{path}' is not valid UTF-8: the byte E9 at byte offset 14 (line 2) is not UTF-8.", error.Message);
        Assert.Contains("Latin-1", error.Message);
        Assert.Contains("--encoding latin1", error.Message);
    }

    [Fact]
    public void The_same_csv_reads_correctly_with_the_latin1_encoding()
    {
        using var folder = new TempFolder();
        string path = folder.WriteBytes("news.csv", Latin1("text,label,split\ncafé crème,food,train\nnaïve,other,test\n"));

        var corpus = CsvCorpusReader.Read(path, Split, encoding: TextDecoding.Parse("latin1"));

        Assert.Equal("café crème", corpus.Train[0].Text);
        Assert.Equal("naïve", corpus.Test[0].Text);
    }

    [Fact]
    public void The_encoding_option_reaches_the_reader_through_data_options_and_changes_the_fingerprint()
    {
        using var folder = new TempFolder();
        string path = folder.WriteBytes("news.csv", Latin1("text,label,split\ncafé,food,train\nthé,drink,test\n"));
        var options = DataOptions.Default with { AllowDownload = false, MirrorDirectory = folder.Path, DataRoot = folder.Path };

        Assert.Throws<DataFormatException>(() => CorpusLoader.LoadRaw(path, options));
        var latin1 = CorpusLoader.LoadRaw(path, options with { UserEncoding = "latin1" });
        var cp1252 = CorpusLoader.LoadRaw(path, options with { UserEncoding = "windows-1252" });

        Assert.Equal("café", latin1.Corpus.Train[0].Text);
        Assert.NotEqual(latin1.SourceFingerprint, CorpusLoader.Fingerprint(path, options));
        Assert.NotEqual(latin1.SourceFingerprint, cp1252.SourceFingerprint);
    }

    [Fact]
    [BadInput("JSONL corpus", "a Latin-1 line in a JSON Lines file", "DataFormatException: '...' is not valid UTF-8 ... at byte offset N (line 2)")]
    public void A_latin1_jsonl_line_is_refused_with_its_line()
    {
        using var folder = new TempFolder();
        string path = folder.WriteBytes("d.jsonl", Latin1("{\"text\": \"ok\", \"label\": \"a\"}\n{\"text\": \"caf\u00e9\", \"label\": \"b\"}\n"));

        var error = Assert.Throws<DataFormatException>(() => JsonlCorpusReader.Read(path, Split));

        // Line 1 is 28 bytes + '\n'; on line 2, '{"text": "caf' is 13 bytes: 29 + 13 = 42.
        Assert.Contains("at byte offset 42 (line 2)", error.Message);
    }

    [Fact]
    [BadInput("folder corpus", "a Latin-1 document file in a folder corpus", "DataFormatException naming that file: is not valid UTF-8 ... at byte offset 3 (line 1)")]
    public void A_latin1_document_in_a_folder_corpus_names_the_file()
    {
        using var folder = new TempFolder();
        folder.WriteText("c/food/1.txt", "bread");
        string bad = folder.WriteBytes("c/food/2.txt", Latin1("café"));
        folder.WriteText("c/drink/3.txt", "tea");

        var error = Assert.Throws<DataFormatException>(() => FolderCorpusReader.Read(folder.File("c"), Split));

        Assert.Contains($"'{bad}' is not valid UTF-8", error.Message);
        Assert.Contains("at byte offset 3 (line 1)", error.Message);
    }

    [Fact]
    public void Windows_1252_reads_the_euro_sign_and_a_utf8_byte_order_mark_is_skipped()
    {
        using var folder = new TempFolder();
        string euro = folder.WriteBytes("c/money/1.txt", [0x80, (byte)'5']);
        Assert.Equal("€5", TextDecoding.Decode(File.ReadAllBytes(euro), euro, TextDecoding.Parse("cp1252")));
        Assert.Equal("é", TextDecoding.Decode([0xEF, 0xBB, 0xBF, 0xC3, 0xA9], "x"));
    }

    [Fact]
    [BadInput("CSV corpus", "a UTF-16 file (byte-order mark FF FE)", "DataFormatException: '...' is UTF-16 text ... convert it, e.g. iconv -f utf-16 -t utf-8")]
    public void A_utf16_file_is_recognised_by_its_byte_order_mark()
    {
        using var folder = new TempFolder();
        string path = folder.WriteBytes("u.csv", [.. Encoding.Unicode.GetPreamble(), .. Encoding.Unicode.GetBytes("text,label\nx,a\n")]);
        var error = Assert.Throws<DataFormatException>(() => CsvCorpusReader.Read(path, Split));
        Assert.Contains("is UTF-16 text", error.Message);
    }

    [Fact]
    [BadInput("text encoding", "a UTF-8 sequence cut off at the end of the file (C3 without its second byte)", "DataFormatException: not valid UTF-8: the byte C3 at byte offset 2 (line 1)")]
    [BadInput("text encoding", "a three-byte UTF-8 sequence cut after two bytes inside a line (E2 82 then 'x')", "DataFormatException: not valid UTF-8: the bytes E282 at byte offset 4 (line 2)")]
    public void A_truncated_sequence_is_reported_where_it_starts_with_its_bytes()
    {
        var atEnd = Assert.Throws<DataFormatException>(() => TextDecoding.Decode([(byte)'a', (byte)'b', 0xC3], "t.txt"));
        Assert.Contains("the byte C3 at byte offset 2 (line 1) is not UTF-8", atEnd.Message);
        var inside = Assert.Throws<DataFormatException>(() => TextDecoding.Decode([(byte)'a', (byte)'\n', (byte)'b', (byte)'c', 0xE2, 0x82, (byte)'x'], "t.txt"));
        Assert.Contains("the bytes E282 at byte offset 4 (line 2) are not UTF-8", inside.Message);
    }

    [Fact]
    [BadInput("text encoding", "an unknown encoding name (--encoding klingon)", "ArgumentException: Unknown text encoding 'klingon'. Supported: utf-8, latin1 (iso-8859-1), windows-1252 (cp1252)")]
    public void An_unknown_encoding_name_lists_the_supported_ones()
    {
        var error = Assert.Throws<ArgumentException>(() => TextDecoding.Parse("klingon"));
        Assert.Contains("Supported: utf-8, latin1", error.Message);
    }
}
