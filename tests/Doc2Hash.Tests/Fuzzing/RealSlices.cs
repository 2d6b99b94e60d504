using System.Formats.Tar;
using System.IO.Compression;
using System.Text;
using Doc2Hash.Tests.Data;

namespace Doc2Hash.Tests.Fuzzing;

/// <summary>
/// Small slices of the real corpora, cut from the offline mirror at test time (the corpora are never committed):
/// the first articles of two Reuters SGML files, the first messages of 20 Newsgroups and the first lines of the TMC
/// test files.
/// </summary>
internal static class RealSlices
{
    private static readonly Lazy<string> Mirror = new(MirrorFolder.Locate);

    /// <summary>The first <paramref name="articles"/> articles of a Reuters SGML member, with the file's DOCTYPE line.</summary>
    public static byte[] ReutersSgml(string member, int articles)
    {
        var content = TarMembers(Path.Combine(Mirror.Value, "reuters21578.tar.gz"), name => name.EndsWith(member, StringComparison.Ordinal), 1).Single().Content;
        string text = Encoding.Latin1.GetString(content);
        int end = 0;
        for (int i = 0; i < articles; i++) end = text.IndexOf("</REUTERS>", end, StringComparison.Ordinal) + "</REUTERS>".Length;
        return Encoding.Latin1.GetBytes(text[..end] + "\n");
    }

    /// <summary>The first <paramref name="count"/> training messages of 20 Newsgroups, as (archive member name, bytes).</summary>
    public static List<(string Name, byte[] Content)> NewsgroupsMessages(int count) =>
        TarMembers(Path.Combine(Mirror.Value, "20news-bydate.tar.gz"), name => name.Count(c => c == '/') == 2 && name.Contains("-train/"), count);

    /// <summary>The first <paramref name="lines"/> lines of a gzipped mirror file, as bytes with the file's line endings.</summary>
    public static byte[] FirstLines(string relativePath, int lines)
    {
        using var gzip = new GZipStream(File.OpenRead(Path.Combine(Mirror.Value, relativePath)), CompressionMode.Decompress);
        var bytes = new List<byte>();
        for (int seen = 0, b; seen < lines && (b = gzip.ReadByte()) >= 0;)
        {
            bytes.Add((byte)b);
            if (b == '\n') seen++;
        }
        return bytes.ToArray();
    }

    /// <summary>An uncompressed tar archive of the given members (the readers take .tar as well as .tar.gz).</summary>
    public static byte[] Tar(IEnumerable<(string Name, byte[] Content)> members)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
            foreach (var (name, content) in members)
                writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
        return tar.ToArray();
    }

    private static List<(string Name, byte[] Content)> TarMembers(string archive, Func<string, bool> wanted, int count)
    {
        var members = new List<(string, byte[])>();
        using var reader = new TarReader(new GZipStream(File.OpenRead(archive), CompressionMode.Decompress));
        while (members.Count < count && reader.GetNextEntry() is { } entry)
        {
            string name = entry.Name.StartsWith("./", StringComparison.Ordinal) ? entry.Name[2..] : entry.Name;
            if (entry.DataStream is null || !wanted(name)) continue;
            using var buffer = new MemoryStream();
            entry.DataStream.CopyTo(buffer);
            members.Add((name, buffer.ToArray()));
        }
        return members;
    }
}
