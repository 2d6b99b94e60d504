using System.Formats.Tar;
using System.Security.Cryptography;

namespace Doc2Hash.Data.Acquisition;

/// <summary>
/// Checks a source file before it is accepted into the cache: the sha256 when the URL's bytes are known, and
/// always the structure (gzip decompresses to its end; a tarball lists and holds the expected members).
/// </summary>
public static class ArchiveVerifier
{
    public static string Sha256(string path)
    {
        using var stream = File.OpenRead(path);
        return Convert.ToHexStringLower(SHA256.HashData(stream));
    }

    /// <summary>
    /// Throws a <see cref="DataSourceException"/> when the file at <paramref name="path"/> (perhaps a temporary
    /// download) is not a sound copy of <paramref name="source"/>.
    /// </summary>
    public static void VerifyStructure(SourceFile source, string path)
    {
        if (source.Format == SourceFormat.TarGzip)
            VerifyTar(source.Members, path, source.RelativePath);
        else if (SourceStreams.IsGzipName(source.RelativePath))
            VerifyGzip(path, source.RelativePath);
    }

    static void VerifyGzip(string path, string displayName) =>
        Guard(path, displayName, () => SourceStreams.Read(path, stream => { stream.CopyTo(Stream.Null); return 0; }, compressed: true));

    static void VerifyTar(ArchiveExpectation? expected, string path, string displayName)
    {
        var counts = Guard(path, displayName, () => SourceStreams.Read(path, CountFilesPerPrefix(expected), compressed: true));
        if (expected is null) return;
        foreach (var (prefix, count) in expected.FilesPerPrefix)
        {
            if (counts[prefix] != count)
                throw new DataSourceException(
                    $"Archive '{displayName}' holds {counts[prefix]} files under '{prefix}', the canonical release {count}. " +
                    $"It is incomplete or not the canonical release: delete '{path}' and download it again.");
        }
    }

    static Func<Stream, Dictionary<string, int>> CountFilesPerPrefix(ArchiveExpectation? expected) => stream =>
    {
        var counts = (expected?.FilesPerPrefix.Keys ?? []).ToDictionary(prefix => prefix, _ => 0);
        foreach (var entry in TarEntries.Read(stream))
        {
            if (entry.EntryType is not (TarEntryType.RegularFile or TarEntryType.V7RegularFile)) continue;
            foreach (string prefix in counts.Keys)
            {
                if (TarNames.Normalize(entry.Name).StartsWith(prefix, StringComparison.Ordinal)) counts[prefix]++;
            }
        }
        return counts;
    };

    static T Guard<T>(string path, string displayName, Func<T> check)
    {
        try
        {
            return check();
        }
        catch (DataSourceException error) when (error.InnerException is not null)
        {
            throw new DataSourceException(
                $"Source file '{displayName}' ({path}) is damaged or truncated ({error.InnerException.Message}). " +
                "Delete it and download it again.", error.InnerException);
        }
    }
}
