using System.Diagnostics;
using System.Net;
using System.Security.Cryptography;
using System.Text;
using Doc2Hash.Data;
using Doc2Hash.Data.Acquisition;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Data.Acquisition;

public class SourceResolverTests
{
    // Port 1 on the loopback interface: nothing listens there, so the connection is refused at once.
    const string UnreachableUrl = "http://127.0.0.1:1/corpus/file.txt.gz";

    static SourceFile GzipSource(string relativePath, string url = UnreachableUrl, string? sha256 = null) =>
        new(relativePath, [new SourceUrl(url, sha256)], SourceFormat.Gzip);

    /// <param name="mirror">The mirror folder; null: an empty one (never DOC2HASH_DATA_MIRROR, which CI sets).</param>
    static SourceResolver Resolver(TempFolder root, string? mirror, bool allowDownload = true, HttpMessageHandler? handler = null,
        IProgress<DownloadProgress>? progress = null)
    {
        string mirrorFolder = mirror ?? Directory.CreateDirectory(root.File("empty-mirror")).FullName;
        var options = new DataOptions
        {
            DataRoot = root.File("data"), MirrorDirectory = mirrorFolder, AllowDownload = allowDownload, DownloadTimeout = TimeSpan.FromSeconds(3),
        };
        return new SourceResolver(DataDirectories.Resolve(options), options, progress, handler);
    }

    [Fact]
    public void The_cache_wins_over_the_mirror()
    {
        using var folder = new TempFolder();
        string cached = folder.WriteGzip("data/raw/sub/file.txt.gz", "cached");
        folder.WriteGzip("mirror/sub/file.txt.gz", "mirrored");

        var resolved = Resolver(folder, folder.File("mirror")).Resolve(GzipSource("sub/file.txt.gz"), "demo");

        Assert.Equal((cached, SourceOrigin.Cache), (resolved.Path, resolved.Origin));
    }

    [Fact]
    public void A_mirror_file_is_used_in_place()
    {
        using var folder = new TempFolder();
        string mirrored = folder.WriteGzip("mirror/sub/file.txt.gz", "mirrored");

        var resolved = Resolver(folder, folder.File("mirror")).Resolve(GzipSource("sub/file.txt.gz"), "demo");

        Assert.Equal((mirrored, SourceOrigin.Mirror), (resolved.Path, resolved.Origin));
        Assert.False(Directory.Exists(folder.File("data/raw")));
    }

    [Fact]
    public void A_decompressed_copy_of_a_gzip_source_is_accepted()
    {
        using var folder = new TempFolder();
        string plain = folder.WriteText("mirror/sub/file.txt", "plain");

        var resolved = Resolver(folder, folder.File("mirror")).Resolve(GzipSource("sub/file.txt.gz"), "demo");

        Assert.Equal(plain, resolved.Path);
    }

    [Fact]
    [BadInput("sources", "a source file in neither cache nor mirror, offline", "DataSourceException naming the file, the URL, the cache path and the fix, without hanging")]
    public void Offline_the_error_names_the_file_the_url_the_cache_path_and_the_fix_without_hanging()
    {
        using var folder = new TempFolder();
        Directory.CreateDirectory(folder.File("empty-mirror"));
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<DataSourceException>(() =>
            Resolver(folder, folder.File("empty-mirror")).Resolve(GzipSource("tmc/TrainingData.txt.gz"), "tmc"));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(15), $"took {clock.Elapsed}");
        Assert.Contains("'tmc/TrainingData.txt.gz'", error.Message);
        Assert.Contains(UnreachableUrl, error.Message);
        Assert.Contains(Path.Combine(folder.File("data"), "raw", "tmc", "TrainingData.txt.gz"), error.Message);
        Assert.Contains(DataDirectories.MirrorVariable, error.Message);
        Assert.Empty(Directory.GetFiles(folder.Path, "*.part-*", SearchOption.AllDirectories));
    }

    [Fact]
    [BadInput("sources", "a download server that never answers", "DataSourceException within the download timeout, naming the URL")]
    public void An_unroutable_server_fails_within_the_download_timeout()
    {
        using var folder = new TempFolder();
        // 10.255.255.1 is a private address nothing answers on: the connection attempt hangs until the timeout.
        const string silentUrl = "http://10.255.255.1/file.gz";
        var options = new DataOptions
        {
            DataRoot = folder.File("data"), MirrorDirectory = folder.Path, DownloadTimeout = TimeSpan.FromSeconds(1),
        };
        var resolver = new SourceResolver(DataDirectories.Resolve(options), options);
        var clock = Stopwatch.StartNew();

        var error = Assert.Throws<DataSourceException>(() => resolver.Resolve(GzipSource("f.gz", silentUrl), "demo"));

        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(10), $"took {clock.Elapsed}");
        Assert.Contains(silentUrl, error.Message);
    }

    [Fact]
    [BadInput("sources", "a missing source with downloads disabled (--offline)", "DataSourceException: downloading is disabled ... Canonical URL: ...")]
    public void With_downloads_disabled_the_error_still_gives_the_canonical_url()
    {
        using var folder = new TempFolder();

        var error = Assert.Throws<DataSourceException>(() =>
            Resolver(folder, mirror: null, allowDownload: false).Resolve(GzipSource("x.gz", "https://example.org/x.gz"), "demo"));

        Assert.Contains("downloading is disabled", error.Message);
        Assert.Contains("Canonical URL: https://example.org/x.gz", error.Message);
        Assert.Contains($"not in the mirror ({Path.Combine(folder.File("empty-mirror"), "x.gz")})", error.Message);
    }

    [Fact]
    public void A_download_is_verified_moved_into_the_cache_and_reports_progress()
    {
        using var folder = new TempFolder();
        byte[] payload = TempFolder.Gzip(Encoding.UTF8.GetBytes("1~text\n"));
        string sha = Convert.ToHexStringLower(SHA256.HashData(payload));
        var reports = new List<DownloadProgress>();

        var resolved = Resolver(folder, null, handler: new StaticHandler(payload), progress: new SynchronousProgress(reports))
            .Resolve(GzipSource("tmc/TestData.txt.gz", "http://corpus.test/TestData.txt.gz", sha), "tmc");

        Assert.Equal(SourceOrigin.Downloaded, resolved.Origin);
        Assert.Equal(payload, File.ReadAllBytes(resolved.Path));
        Assert.Equal(payload.Length, reports[^1].BytesReceived);
        Assert.Equal(1.0, reports[^1].Fraction);
        Assert.Single(Directory.GetFiles(folder.File("data/raw/tmc"))); // no temp file left beside it
    }

    [Fact]
    [BadInput("sources", "a download whose sha256 does not match", "DataSourceException: sha256 mismatch; nothing left in the cache")]
    public void A_download_with_the_wrong_checksum_leaves_nothing_behind()
    {
        using var folder = new TempFolder();
        byte[] payload = TempFolder.Gzip(Encoding.UTF8.GetBytes("tampered"));

        var error = Assert.Throws<DataSourceException>(() => Resolver(folder, null, handler: new StaticHandler(payload))
            .Resolve(GzipSource("f.gz", "http://corpus.test/f.gz", new string('0', 64)), "demo"));

        Assert.Contains("sha256 mismatch", error.Message);
        Assert.Empty(Directory.GetFiles(folder.File("data/raw")));
    }

    [Fact]
    [BadInput("sources", "a truncated download of an archive without a known checksum", "DataSourceException: damaged or truncated; nothing left in the cache")]
    public void A_truncated_download_without_checksum_fails_the_structural_check()
    {
        using var folder = new TempFolder();
        var noise = new byte[5000];
        new Random(1).NextBytes(noise); // incompressible, so half the gzip ends inside the member's data
        byte[] archive = TempFolder.TarGz([("reut2-000.sgm", noise)]);
        var source = new SourceFile("r.tar.gz", [new SourceUrl("http://corpus.test/r.tar.gz")], SourceFormat.TarGzip,
            new ArchiveExpectation(new Dictionary<string, int> { ["reut2-"] = 1 }));

        var error = Assert.Throws<DataSourceException>(() =>
            Resolver(folder, null, handler: new StaticHandler(archive[..(archive.Length / 2)])).Resolve(source, "demo"));

        Assert.Contains("damaged or truncated", error.Message);
        Assert.Empty(Directory.GetFiles(folder.File("data/raw")));
    }

    [Fact]
    [BadInput("sources", "a downloaded archive missing members (1 of 22 reut2 files)", "DataSourceException: holds 1 files under 'reut2-', the canonical release 22")]
    public void A_download_missing_archive_members_is_rejected()
    {
        using var folder = new TempFolder();
        byte[] archive = TempFolder.TarGz([("reut2-000.sgm", [1, 2, 3])]);
        var source = new SourceFile("r.tar.gz", [new SourceUrl("http://corpus.test/r.tar.gz")], SourceFormat.TarGzip,
            new ArchiveExpectation(new Dictionary<string, int> { ["reut2-"] = 22 }));

        var error = Assert.Throws<DataSourceException>(() => Resolver(folder, null, handler: new StaticHandler(archive)).Resolve(source, "demo"));

        Assert.Contains("holds 1 files under 'reut2-', the canonical release 22", error.Message);
    }

    /// <summary>Serves fixed bytes for every request, with a Content-Length, like a static file server.</summary>
    sealed class StaticHandler(byte[] payload) : HttpMessageHandler
    {
        protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken) =>
            Task.FromResult(new HttpResponseMessage(HttpStatusCode.OK) { Content = new ByteArrayContent(payload) });
    }

    /// <summary>Records reports on the calling thread (Progress&lt;T&gt; would post them asynchronously).</summary>
    sealed class SynchronousProgress(List<DownloadProgress> reports) : IProgress<DownloadProgress>
    {
        public void Report(DownloadProgress value) => reports.Add(value);
    }
}
