namespace Doc2Hash.Data.Acquisition;

/// <summary>A place a source file can be downloaded from, with the sha256 of the bytes served there when known.</summary>
public sealed record SourceUrl(string Url, string? Sha256 = null);

/// <summary>How a source file is checked when it has no known checksum (and how truncation shows up).</summary>
public enum SourceFormat
{
    /// <summary>A single gzip-compressed file (TMC, RCV1): it must decompress to its end without error.</summary>
    Gzip,

    /// <summary>A gzip-compressed tar archive: it must decompress and list, and hold the expected members.</summary>
    TarGzip,
}

/// <summary>
/// Members a tar archive must hold: for each path prefix, the number of regular files under it. The mirror's
/// tarballs were repacked, so their archive checksums differ from upstream; their members are what is verified.
/// </summary>
public sealed record ArchiveExpectation(IReadOnlyDictionary<string, int> FilesPerPrefix);

/// <summary>
/// One file of a corpus release, named by its canonical relative path (the mirror and the cache use the same
/// layout), with the URLs it can be downloaded from, tried in order.
/// </summary>
public sealed record SourceFile(
    string RelativePath,
    IReadOnlyList<SourceUrl> Urls,
    SourceFormat Format,
    ArchiveExpectation? Members = null)
{
    public string FileName => RelativePath[(RelativePath.LastIndexOf('/') + 1)..];

    /// <summary>
    /// A single gzip file may also be supplied decompressed (e.g. <c>tmc/TestData.txt</c>); readers accept both.
    /// </summary>
    public string? UncompressedRelativePath =>
        Format == SourceFormat.Gzip && RelativePath.EndsWith(".gz", StringComparison.Ordinal) ? RelativePath[..^3] : null;
}
