namespace Doc2Hash.Data.Acquisition;

/// <summary>
/// Finds a corpus source file: the local cache first, then the mirror (used in place, read-only, never copied:
/// the mirror is a trusted local folder and copying would only duplicate it), then each canonical URL in turn.
/// Downloads are verified (sha256 when the URL's bytes are known, and structurally) before they enter the cache.
/// </summary>
public sealed class SourceResolver(DataDirectories directories, DataOptions options, IProgress<DownloadProgress>? progress = null,
    HttpMessageHandler? handler = null)
{
    public DataDirectories Directories => directories;

    public ResolvedSource Resolve(SourceFile source, string datasetName) => TryLocate(source) ?? Download(source, datasetName);

    /// <summary>The source file from the local cache or the mirror, or null when it is in neither (nothing is downloaded).</summary>
    public ResolvedSource? TryLocate(SourceFile source)
    {
        foreach (string relativePath in CandidatePaths(source))
        {
            string cached = directories.RawPath(relativePath);
            if (File.Exists(cached)) return new ResolvedSource(source, cached, SourceOrigin.Cache);
        }
        foreach (string relativePath in CandidatePaths(source))
        {
            string? mirrored = directories.MirrorPath(relativePath);
            if (mirrored is not null && File.Exists(mirrored)) return new ResolvedSource(source, mirrored, SourceOrigin.Mirror);
        }
        return null;
    }

    static IEnumerable<string> CandidatePaths(SourceFile source) =>
        source.UncompressedRelativePath is { } plain ? [source.RelativePath, plain] : [source.RelativePath];

    ResolvedSource Download(SourceFile source, string datasetName)
    {
        string target = directories.RawPath(source.RelativePath);
        var failures = new List<string>();
        if (!options.AllowDownload) failures.Add("downloading is disabled (DataOptions.AllowDownload = false)");
        else
        {
            var downloader = new Downloader(options.DownloadTimeout, progress, handler);
            foreach (var url in source.Urls)
            {
                try
                {
                    downloader.Download(url, source.RelativePath, target, temporary => Verify(source, url, temporary));
                    return new ResolvedSource(source, target, SourceOrigin.Downloaded);
                }
                catch (Exception error) when (error is HttpRequestException or IOException or OperationCanceledException)
                {
                    failures.Add($"{url.Url}: {Describe(error)}");
                }
            }
        }
        throw new DataSourceException(MissingMessage(source, datasetName, target, failures));
    }

    void Verify(SourceFile source, SourceUrl url, string temporary)
    {
        if (url.Sha256 is { } expected)
        {
            string actual = ArchiveVerifier.Sha256(temporary);
            if (!actual.Equals(expected, StringComparison.OrdinalIgnoreCase))
                throw new IOException($"sha256 mismatch: got {actual}, expected {expected} (the download is corrupt or the file changed upstream)");
        }
        ArchiveVerifier.VerifyStructure(source, temporary);
    }

    static string Describe(Exception error) => error switch
    {
        OperationCanceledException => "timed out (no network, or the server does not answer)",
        _ when error.InnerException is { } inner => $"{error.Message} ({inner.Message})",
        _ => error.Message,
    };

    string MissingMessage(SourceFile source, string datasetName, string target, IReadOnlyList<string> failures)
    {
        string mirror = directories.Mirror is null
            ? $"no mirror is configured ({DataDirectories.MirrorVariable} is not set)"
            : $"not in the mirror ({directories.MirrorPath(source.RelativePath)})";
        string urls = string.Join(", ", source.Urls.Select(url => url.Url));
        return $"Dataset '{datasetName}' needs the file '{source.RelativePath}', which is missing: not in the cache ({target}), " +
               $"{mirror}, and it could not be downloaded: {string.Join("; ", failures)}. " +
               $"Canonical URL: {urls}. To fix: download it by hand and put it at {target}, " +
               $"or set {DataDirectories.MirrorVariable} to a folder that holds '{source.RelativePath}'.";
    }
}
