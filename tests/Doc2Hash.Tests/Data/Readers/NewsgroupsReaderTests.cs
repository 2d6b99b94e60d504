using System.Text;
using Doc2Hash.Data.Acquisition;
using Doc2Hash.Data.Readers;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Data.Readers;

public class NewsgroupsReaderTests
{
    static byte[] Latin1(string text) => Encoding.Latin1.GetBytes(text);

    static (string, byte[])[] Members() =>
    [
        ("20news-bydate-test/sci.med/9", Latin1("Subject: t\n\ntest body\n")),
        ("20news-bydate-train/sci.med/9", Latin1("Subject: b\n\nsecond\n")),
        ("20news-bydate-train/sci.med/10", Latin1("Subject: a\n\nfirst\n")),
        ("20news-bydate-train/alt.atheism/5", Latin1("Subject: caf\u00e9\n\ncaf\u00e9 body\n")),
        ("20news-bydate-train/README", Latin1("not a message: only files inside a group folder count")),
    ];

    [Fact]
    public void Reads_messages_sorted_by_group_then_file_name_with_group_labels()
    {
        using var folder = new TempFolder();
        string archive = folder.WriteTarGz("20news-bydate.tar.gz", Members());

        var corpus = NewsgroupsReader.Read(archive, NewsgroupsCleaning.None);

        // Ordinal order as Python's sorted(): "alt.atheism" < "sci.med", and file "10" < "9".
        Assert.Equal(["alt.atheism/5", "sci.med/10", "sci.med/9"], corpus.Train.Select(d => d.Id));
        Assert.Equal(["alt.atheism", "sci.med", "sci.med"], corpus.Train.Select(d => d.Labels.Single()));
        Assert.Equal(["sci.med/9"], corpus.Test.Select(d => d.Id));
        Assert.False(corpus.IsMultiLabel);
    }

    [Fact]
    public void Decodes_bytes_as_latin1_and_applies_the_cleaning()
    {
        using var folder = new TempFolder();
        string archive = folder.WriteTarGz("20news-bydate.tar.gz", Members());

        var raw = NewsgroupsReader.Read(archive, NewsgroupsCleaning.None);
        var cleaned = NewsgroupsReader.Read(archive, NewsgroupsCleaning.All);

        Assert.Equal("Subject: caf\u00e9\n\ncaf\u00e9 body\n", raw.Train[0].Text); // byte 0xE9 is U+00E9 in Latin-1
        Assert.Equal("caf\u00e9 body\n", cleaned.Train[0].Text);
    }

    [Fact]
    [BadInput("20NG archive", "a 20news-bydate.tar.gz cut in half", "DataSourceException naming the archive: ... download it again")]
    public void A_truncated_archive_is_reported_with_its_path_and_the_fix()
    {
        using var folder = new TempFolder();
        byte[] whole = TempFolder.TarGz(Members());
        string archive = folder.WriteBytes("20news-bydate.tar.gz", whole[..(whole.Length / 2)]);

        var error = Assert.Throws<DataSourceException>(() => NewsgroupsReader.Read(archive, NewsgroupsCleaning.All));

        Assert.Contains(archive, error.Message);
        Assert.Contains("download it again", error.Message);
    }

    [Fact]
    [BadInput("20NG archive", "an archive with the wrong message counts", "DataSourceException: holds 3 train / 1 test messages in 2 groups ...")]
    public void An_archive_with_the_wrong_counts_is_rejected()
    {
        using var folder = new TempFolder();
        string archive = folder.WriteTarGz("20news-bydate.tar.gz", Members());

        var error = Assert.Throws<DataSourceException>(() =>
            NewsgroupsReader.Read(archive, NewsgroupsCleaning.All, expected: new SplitCounts(11_314, 7_532), expectedGroups: 20));

        Assert.Contains("3 train / 1 test messages in 2 groups", error.Message);
    }

    [Fact]
    [BadInput("20NG archive", "another 20NG release (20news-18828)", "DataSourceException: not the 20news-bydate tarball")]
    public void An_archive_without_bydate_folders_is_rejected()
    {
        using var folder = new TempFolder();
        string archive = folder.WriteTarGz("other.tar.gz", [("20news-18828/sci.med/1", Latin1("x"))]);

        var error = Assert.Throws<DataSourceException>(() => NewsgroupsReader.Read(archive, NewsgroupsCleaning.All));

        Assert.Contains("not the 20news-bydate tarball", error.Message);
    }
}
