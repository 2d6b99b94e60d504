using System.Diagnostics;
using Doc2Hash.Data.Acquisition;
using Doc2Hash.Data.Cache;
using Doc2Hash.Data.Formats;
using Doc2Hash.Data.Preprocessing;

namespace Doc2Hash.Data;

/// <summary>
/// The one call that gives a training-ready dataset by name: registry -> sources (cache, mirror, download) ->
/// reader -> preprocessing -> processed cache. A second load with the same sources and configuration is read from
/// the cache under <c>&lt;data root&gt;/processed</c>; a stale or corrupt cache entry is rebuilt, never half-used.
/// A path to a VDSH-style <c>.mat</c> file (<c>ng20.tfidf.mat</c>, ...) is loaded as is: the literature's exact splits.
/// </summary>
public static class DatasetCatalog
{
    /// <summary>The preprocessing a registered dataset gets by default: the authors' settings and its label selection.</summary>
    public static PreprocessingConfig DefaultConfig(string name) =>
        PreprocessingConfig.Default with { Labels = DatasetRegistry.Get(name).DefaultLabels };

    public static PreparedDataset Load(string name, DataOptions? options = null, PreprocessingConfig? config = null,
        IProgress<DownloadProgress>? progress = null, bool rebuild = false)
    {
        var clock = Stopwatch.StartNew();
        options ??= DataOptions.Default;
        if (name.EndsWith(".mat", StringComparison.OrdinalIgnoreCase) && File.Exists(name))
            return LoadMat(name, clock);

        config ??= DefaultConfig(name);
        var entry = DatasetRegistry.Get(name);
        string cacheDirectory = ProcessedDirectory(options);
        string preprocessing = config.Fingerprint();
        string? localFingerprint = CorpusLoader.TryLocalFingerprint(name, options);
        string keptNote = "";
        if (localFingerprint is null && !rebuild &&
            ProcessedDatasetCache.TryLoadWithoutSource(cacheDirectory, entry.Name, preprocessing, out var kept, out var keptSource, out keptNote))
            return new PreparedDataset(kept!, keptSource!, preprocessing, FromCache: true,
                $"{keptNote}; the raw source files are not available locally, so the verified cache was used without re-checking them", clock.Elapsed);
        string sourceFingerprint = localFingerprint ?? SourceFingerprintOrExplain(name, options, progress, keptNote);
        string note = "rebuild requested";
        if (!rebuild && ProcessedDatasetCache.TryLoad(cacheDirectory, entry.Name, sourceFingerprint, preprocessing, out var cached, out note))
            return new PreparedDataset(cached!, sourceFingerprint, preprocessing, FromCache: true, note, clock.Elapsed);

        var raw = CorpusLoader.LoadRaw(name, options, progress);
        var dataset = Preprocessor.Prepare(raw.Corpus, config);
        ProcessedDatasetCache.Save(cacheDirectory, entry.Name, dataset, raw.SourceFingerprint, preprocessing);
        return new PreparedDataset(dataset, raw.SourceFingerprint, preprocessing, FromCache: false,
            $"prepared from the sources ({note}); cached in {cacheDirectory}", clock.Elapsed);
    }

    /// <summary>Resolves the sources (downloading if allowed); when that fails, the message also says why the processed cache could not serve.</summary>
    static string SourceFingerprintOrExplain(string name, DataOptions options, IProgress<DownloadProgress>? progress, string cacheReason)
    {
        try
        {
            return CorpusLoader.Fingerprint(name, options, progress);
        }
        catch (DataSourceException error) when (cacheReason.Length > 0)
        {
            throw new DataSourceException($"{error.Message} The processed cache could not be used instead: {cacheReason}.", error);
        }
    }

    /// <summary>Where prepared datasets are cached: <c>&lt;data root&gt;/processed</c>.</summary>
    public static string ProcessedDirectory(DataOptions options) => Path.Combine(DataDirectories.Resolve(options).Root, "processed");

    static PreparedDataset LoadMat(string path, Stopwatch clock)
    {
        var dataset = VdshMatDataset.Load(path);
        string fullPath = Path.GetFullPath(path);
        using var stream = File.OpenRead(fullPath);
        string contentHash = Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(stream));
        return new PreparedDataset(dataset, $"mat:{Path.GetFileName(fullPath)}:sha256={contentHash}", "vdsh-mat-as-is",
            FromCache: false, $"read the VDSH .mat file {fullPath}", clock.Elapsed);
    }
}
