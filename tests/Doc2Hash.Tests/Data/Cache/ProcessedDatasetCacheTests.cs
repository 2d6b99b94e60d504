using System.Diagnostics;
using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Doc2Hash.Data;
using Doc2Hash.Data.Cache;
using Doc2Hash.IO;
using Doc2Hash.Tests.Data.Formats;
using Doc2Hash.Tests.TestSupport;
using Xunit.Abstractions;

namespace Doc2Hash.Tests.Data.Cache;

public class ProcessedDatasetCacheTests(ITestOutputHelper output)
{
    private const string Source = "20news-bydate.tar.gz:14388924";
    private const string Preprocessing = "max_features=10000;min_df=3";

    [Fact]
    public void A_saved_dataset_loads_back_identically()
    {
        using var folder = new TemporaryDirectory();
        var dataset = CacheTestData.Tiny();

        var manifest = ProcessedDatasetCache.Save(folder.Path, "tiny", dataset, Source, Preprocessing);
        bool loaded = ProcessedDatasetCache.TryLoad(folder.Path, "tiny", Source, Preprocessing, out var copy, out string reason);

        Assert.True(loaded, reason);
        CacheTestData.AssertEqual(dataset, copy!);
        Assert.Equal((3, 1, 2, 4, 3), (manifest.TrainDocuments, manifest.ValidationDocuments, manifest.TestDocuments, manifest.VocabularySize, manifest.LabelCount));
        Assert.Equal(["tiny.d2hcache", "tiny.manifest.json"], folder.FileNames());
    }

    [Fact]
    [BadInput("processed cache", "no cached copy", "not used; reason: no cached copy of 'ng20' in '...'")]
    public void A_missing_cache_is_reported()
    {
        using var folder = new TemporaryDirectory();

        bool loaded = ProcessedDatasetCache.TryLoad(folder.Path, "ng20", Source, Preprocessing, out var dataset, out string reason);

        Assert.False(loaded);
        Assert.Null(dataset);
        Assert.Contains("no cached copy of 'ng20'", reason);
    }

    [Theory]
    [InlineData("other-source", Preprocessing, "source fingerprint changed")]
    [InlineData(Source, "max_features=5000;min_df=3", "preprocessing fingerprint changed")]
    [BadInput("processed cache", "a cache built from other source files", "not used; reason: stale cache: source fingerprint changed")]
    [BadInput("processed cache", "a cache built with other preprocessing settings", "not used; reason: stale cache: preprocessing fingerprint changed")]
    public void A_cache_with_other_fingerprints_is_stale(string source, string preprocessing, string expectedReason)
    {
        using var folder = new TemporaryDirectory();
        ProcessedDatasetCache.Save(folder.Path, "tiny", CacheTestData.Tiny(), Source, Preprocessing);

        bool loaded = ProcessedDatasetCache.TryLoad(folder.Path, "tiny", source, preprocessing, out var dataset, out string reason);

        Assert.False(loaded);
        Assert.Null(dataset);
        Assert.StartsWith("stale cache", reason);
        Assert.Contains(expectedReason, reason);
    }

    [Fact]
    [BadInput("processed cache", "one flipped byte in the data file", "not used, rebuilt; reason: corrupt cache: fails its SHA-256 check")]
    public void A_flipped_byte_is_detected_as_corruption()
    {
        using var folder = new TemporaryDirectory();
        ProcessedDatasetCache.Save(folder.Path, "tiny", CacheTestData.Tiny(), Source, Preprocessing);
        string data = ProcessedDatasetCache.DataPath(folder.Path, "tiny");
        var bytes = File.ReadAllBytes(data);
        bytes[bytes.Length / 2] ^= 0x01;
        File.WriteAllBytes(data, bytes);

        bool loaded = ProcessedDatasetCache.TryLoad(folder.Path, "tiny", Source, Preprocessing, out var dataset, out string reason);

        Assert.False(loaded);
        Assert.Null(dataset);
        Assert.Contains("SHA-256", reason);
    }

    [Fact]
    [BadInput("processed cache", "a data file cut 10 bytes short", "not used; reason: has N bytes, the manifest says M (truncated or replaced)")]
    public void A_truncated_data_file_is_detected()
    {
        using var folder = new TemporaryDirectory();
        ProcessedDatasetCache.Save(folder.Path, "tiny", CacheTestData.Tiny(), Source, Preprocessing);
        string data = ProcessedDatasetCache.DataPath(folder.Path, "tiny");
        var bytes = File.ReadAllBytes(data);
        File.WriteAllBytes(data, bytes[..(bytes.Length - 10)]);

        bool loaded = ProcessedDatasetCache.TryLoad(folder.Path, "tiny", Source, Preprocessing, out _, out string reason);

        Assert.False(loaded);
        Assert.Contains($"has {bytes.Length - 10} bytes, the manifest says {bytes.Length}", reason);
    }

    [Fact]
    [BadInput("processed cache", "the data file deleted, the manifest left", "not used; reason: data file '...' is missing")]
    public void A_missing_data_file_is_detected()
    {
        using var folder = new TemporaryDirectory();
        ProcessedDatasetCache.Save(folder.Path, "tiny", CacheTestData.Tiny(), Source, Preprocessing);
        File.Delete(ProcessedDatasetCache.DataPath(folder.Path, "tiny"));

        bool loaded = ProcessedDatasetCache.TryLoad(folder.Path, "tiny", Source, Preprocessing, out _, out string reason);

        Assert.False(loaded);
        Assert.Contains("is missing", reason);
    }

    [Fact]
    [BadInput("processed cache", "a manifest of another format version (99)", "not used; reason: outdated cache: format version 99")]
    public void A_cache_from_another_format_version_is_not_used()
    {
        using var folder = new TemporaryDirectory();
        ProcessedDatasetCache.Save(folder.Path, "tiny", CacheTestData.Tiny(), Source, Preprocessing);
        string manifestPath = ProcessedDatasetCache.ManifestPath(folder.Path, "tiny");
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["formatVersion"] = 99;
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        bool loaded = ProcessedDatasetCache.TryLoad(folder.Path, "tiny", Source, Preprocessing, out _, out string reason);

        Assert.False(loaded);
        Assert.Contains("format version 99", reason);
    }

    [Fact]
    [BadInput("processed cache", "a data file of another layout version with a valid checksum", "not used; reason: format version 2, this build reads 1")]
    public void A_data_file_of_another_layout_version_is_not_used_even_with_a_matching_checksum()
    {
        using var folder = new TemporaryDirectory();
        ProcessedDatasetCache.Save(folder.Path, "tiny", CacheTestData.Tiny(), Source, Preprocessing);
        string data = ProcessedDatasetCache.DataPath(folder.Path, "tiny"), manifestPath = ProcessedDatasetCache.ManifestPath(folder.Path, "tiny");
        // Bytes 8-11 hold the layout version after the 8-byte magic; re-seal the file so only the version is wrong.
        var bytes = File.ReadAllBytes(data);
        bytes[8] = 2;
        var hash = SHA256.HashData(bytes.AsSpan(0, bytes.Length - 32));
        hash.CopyTo(bytes, bytes.Length - 32);
        File.WriteAllBytes(data, bytes);
        var manifest = JsonNode.Parse(File.ReadAllText(manifestPath))!;
        manifest["dataSha256"] = Convert.ToHexStringLower(hash);
        File.WriteAllText(manifestPath, manifest.ToJsonString());

        bool loaded = ProcessedDatasetCache.TryLoad(folder.Path, "tiny", Source, Preprocessing, out var dataset, out string reason);

        Assert.False(loaded);
        Assert.Null(dataset);
        Assert.Contains("format version 2, this build reads 1", reason);
    }

    [Fact]
    [BadInput("processed cache", "a manifest cut off mid-JSON", "not used; reason: manifest '...' is not valid JSON (...)")]
    public void A_manifest_that_is_not_json_is_reported_as_corrupt()
    {
        using var folder = new TemporaryDirectory();
        ProcessedDatasetCache.Save(folder.Path, "tiny", CacheTestData.Tiny(), Source, Preprocessing);
        File.WriteAllText(ProcessedDatasetCache.ManifestPath(folder.Path, "tiny"), "{ \"formatVersion\": 1, ");

        bool loaded = ProcessedDatasetCache.TryLoad(folder.Path, "tiny", Source, Preprocessing, out _, out string reason);

        Assert.False(loaded);
        Assert.Contains("not valid JSON", reason);
    }

    [Fact]
    [BadInput("processed cache", "a failure while saving a new cache over an old one", "the exception propagates; the old cache still loads, no temporary file left")]
    public void A_save_that_throws_leaves_the_old_cache_loadable_and_no_temporary_file()
    {
        using var folder = new TemporaryDirectory();
        var old = CacheTestData.Tiny();
        ProcessedDatasetCache.Save(folder.Path, "tiny", old, Source, Preprocessing);
        var failing = CacheTestData.Tiny(vocabulary: new CacheTestData.FailingList(["a", "b", "c", "d"], failAfter: 2));

        Assert.Throws<IOException>(() => ProcessedDatasetCache.Save(folder.Path, "tiny", failing, "new-source", Preprocessing));

        Assert.Equal(["tiny.d2hcache", "tiny.manifest.json"], folder.FileNames());
        Assert.True(ProcessedDatasetCache.TryLoad(folder.Path, "tiny", Source, Preprocessing, out var copy, out string reason), reason);
        CacheTestData.AssertEqual(old, copy!);
    }

    [Fact]
    public void Saving_again_replaces_a_stale_cache()
    {
        using var folder = new TemporaryDirectory();
        ProcessedDatasetCache.Save(folder.Path, "tiny", CacheTestData.Tiny(), Source, Preprocessing);
        var rebuilt = CacheTestData.Tiny() with { LabelNames = ["p", "q", "r"] };

        ProcessedDatasetCache.Save(folder.Path, "tiny", rebuilt, "new-source", Preprocessing);

        Assert.False(ProcessedDatasetCache.TryLoad(folder.Path, "tiny", Source, Preprocessing, out _, out _));
        Assert.True(ProcessedDatasetCache.TryLoad(folder.Path, "tiny", "new-source", Preprocessing, out var copy, out string reason), reason);
        Assert.Equal(["p", "q", "r"], copy!.LabelNames);
        Assert.Equal(["tiny.d2hcache", "tiny.manifest.json"], folder.FileNames());
    }

    [Fact]
    [BadInput("processed cache", "a dataset name that cannot be a file name ('a/b')", "ArgumentException: 'a/b' cannot name a cache file")]
    public void A_name_that_cannot_be_a_file_name_is_refused()
    {
        using var folder = new TemporaryDirectory();

        var error = Assert.Throws<ArgumentException>(() => ProcessedDatasetCache.TryLoad(folder.Path, "a/b", Source, Preprocessing, out _, out _));

        Assert.Contains("'a/b'", error.Message);
    }

    [Fact]
    public void A_newsgroups_sized_dataset_round_trips_quickly()
    {
        using var folder = new TemporaryDirectory();
        var dataset = CacheTestData.NewsgroupsSized(seed: 7);

        var save = Stopwatch.StartNew();
        var manifest = ProcessedDatasetCache.Save(folder.Path, "ng20", dataset, Source, Preprocessing);
        save.Stop();
        var load = Stopwatch.StartNew();
        bool loaded = ProcessedDatasetCache.TryLoad(folder.Path, "ng20", Source, Preprocessing, out var copy, out string reason);
        load.Stop();

        Assert.True(loaded, reason);
        CacheTestData.AssertEqual(dataset, copy!);
        output.WriteLine($"{dataset.Train.Features.NonZeros + dataset.Validation.Features.NonZeros + dataset.Test.Features.NonZeros:N0} values, {manifest.DataBytes:N0} bytes: save {save.ElapsedMilliseconds} ms, load {load.ElapsedMilliseconds} ms");
        // The target is well under 1 s on a 2-core machine; the generous bound only catches a pathological slowdown.
        Assert.True(load.Elapsed < TimeSpan.FromSeconds(5), $"cached load took {load.Elapsed}");
    }

    [Fact]
    [BadInput("processed cache", "an empty (0-byte) data file next to its manifest", "not used; reason: corrupt cache: '.../tiny.d2hcache' has 0 bytes (it is empty), fewer than its 32-byte checksum alone")]
    public void An_empty_data_file_is_named_as_empty()
    {
        using var folder = new TemporaryDirectory();
        ProcessedDatasetCache.Save(folder.Path, "tiny", CacheTestData.Tiny(), Source, Preprocessing);
        string data = ProcessedDatasetCache.DataPath(folder.Path, "tiny");
        File.WriteAllBytes(data, []);

        Assert.False(ProcessedDatasetCache.TryLoad(folder.Path, "tiny", Source, Preprocessing, out _, out string reason));
        Assert.Equal($"corrupt cache: '{data}' has 0 bytes (it is empty), fewer than its 32-byte checksum alone", reason);
    }

    [Fact]
    [BadInput("processed cache", "an empty (0-byte) manifest", "not used; reason: corrupt cache: manifest '.../tiny.manifest.json' is empty (0 bytes)")]
    public void An_empty_manifest_is_named_as_empty()
    {
        using var folder = new TemporaryDirectory();
        ProcessedDatasetCache.Save(folder.Path, "tiny", CacheTestData.Tiny(), Source, Preprocessing);
        string manifest = ProcessedDatasetCache.ManifestPath(folder.Path, "tiny");
        File.WriteAllBytes(manifest, []);

        Assert.False(ProcessedDatasetCache.TryLoad(folder.Path, "tiny", Source, Preprocessing, out _, out string reason));
        Assert.Equal($"corrupt cache: manifest '{manifest}' is empty (0 bytes)", reason);
    }

    [Fact]
    public void Without_the_raw_source_a_verified_cache_loads_and_reports_the_source_it_was_built_from()
    {
        using var folder = new TemporaryDirectory();
        var dataset = CacheTestData.Tiny();
        ProcessedDatasetCache.Save(folder.Path, "tiny", dataset, Source, Preprocessing);

        Assert.True(ProcessedDatasetCache.TryLoadWithoutSource(folder.Path, "tiny", Preprocessing, out var copy, out var source, out string reason), reason);
        CacheTestData.AssertEqual(dataset, copy!);
        Assert.Equal(Source, source);
        Assert.False(ProcessedDatasetCache.TryLoadWithoutSource(folder.Path, "tiny", "other preprocessing", out _, out _, out reason));
        Assert.Contains("preprocessing fingerprint changed", reason);
    }

    [Theory]
    [InlineData(int.MaxValue)]
    [InlineData(0x40000000)]
    [BadInput("processed cache", "a re-sealed (valid checksum) data file whose row count is 2^31-1 or 2^30 (size arithmetic would overflow)", "DataFormatException: truncated: N values (M bytes) needed at byte B, R remain (was an OverflowException)")]
    public void A_huge_count_inside_a_resealed_file_is_a_data_error_not_an_overflow(int rows)
    {
        var file = ProcessedDatasetFile.Serialize(CacheTestData.Tiny());
        int offset = TrainRowsOffset(file);
        Assert.Equal(3, BitConverter.ToInt32(file, offset));   // the tiny dataset's 3 training rows
        BitConverter.GetBytes(rows).CopyTo(file, offset);
        var error = Assert.Throws<DataFormatException>(() => ProcessedDatasetFile.Deserialize(file));
        Assert.Contains("truncated", error.Message);
    }

    /// <summary>Byte offset of the train split's row count: magic (8) + version (4) + name, vocabulary, labels, flag (1).</summary>
    private static int TrainRowsOffset(byte[] file)
    {
        int at = 12;
        at += 1 + file[at];                                   // the name: 1-byte length prefix (short names)
        for (int list = 0; list < 2; list++)
        {
            int count = BitConverter.ToInt32(file, at);
            at += 4;
            for (int i = 0; i < count; i++) at += 1 + file[at];
        }
        return at + 1;                                        // after the multi-label flag
    }
}
