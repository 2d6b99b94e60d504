using System.Formats.Tar;
using System.IO.Compression;
using System.Text;

namespace Doc2Hash.Tests.Data;

/// <summary>A scratch folder deleted after the test, with helpers that write small fixture files into it.</summary>
public sealed class TempFolder : IDisposable
{
    public TempFolder() => Directory.CreateDirectory(Path);

    public string Path { get; } = System.IO.Path.Combine(System.IO.Path.GetTempPath(), "doc2hash-tests-" + Guid.NewGuid().ToString("N"));

    public string File(string relative) => System.IO.Path.Combine(Path, relative);

    public string WriteText(string relative, string content, Encoding? encoding = null) =>
        WriteBytes(relative, (encoding ?? new UTF8Encoding(false)).GetBytes(content));

    public string WriteBytes(string relative, byte[] content)
    {
        string path = File(relative);
        Directory.CreateDirectory(System.IO.Path.GetDirectoryName(path)!);
        System.IO.File.WriteAllBytes(path, content);
        return path;
    }

    public string WriteGzip(string relative, string content) => WriteBytes(relative, Gzip(Encoding.UTF8.GetBytes(content)));

    /// <summary>A .tar.gz holding the given members (name -> bytes), written the way GNU tar + gzip would.</summary>
    public string WriteTarGz(string relative, IEnumerable<(string Name, byte[] Content)> members) => WriteBytes(relative, TarGz(members));

    public static byte[] Gzip(byte[] content)
    {
        using var output = new MemoryStream();
        using (var gzip = new GZipStream(output, CompressionLevel.Optimal, leaveOpen: true)) gzip.Write(content);
        return output.ToArray();
    }

    public static byte[] TarGz(IEnumerable<(string Name, byte[] Content)> members)
    {
        using var tar = new MemoryStream();
        using (var writer = new TarWriter(tar, TarEntryFormat.Ustar, leaveOpen: true))
        {
            foreach (var (name, content) in members)
                writer.WriteEntry(new UstarTarEntry(TarEntryType.RegularFile, name) { DataStream = new MemoryStream(content) });
        }
        return Gzip(tar.ToArray());
    }

    public void Dispose()
    {
        if (Directory.Exists(Path)) Directory.Delete(Path, recursive: true);
    }
}
