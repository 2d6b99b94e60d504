using Doc2Hash.Data.Acquisition;
using Doc2Hash.Data.Readers;

namespace Doc2Hash.Data;

/// <summary>
/// Entry point of the corpus side: name -> registry entry -> source files (cache, mirror, download) -> reader ->
/// <see cref="RawCorpus"/>. Tokenising and TF-IDF happen later, in the preprocessing pipeline.
/// </summary>
public static class CorpusLoader
{
    public static LoadedCorpus LoadRaw(string name, DataOptions options, IProgress<DownloadProgress>? progress = null)
    {
        var entry = DatasetRegistry.Get(name);
        var files = ResolveFiles(entry, options, progress);
        var corpus = Read(entry, files, options);
        return new LoadedCorpus(entry, corpus, ComputeFingerprint(entry, files, options));
    }

    /// <summary>
    /// The fingerprint of a dataset's sources without reading the corpus (resolving may download missing files),
    /// so a processed-data cache can be validated before any parsing.
    /// </summary>
    public static string Fingerprint(string name, DataOptions options, IProgress<DownloadProgress>? progress = null)
    {
        var entry = DatasetRegistry.Get(name);
        return ComputeFingerprint(entry, ResolveFiles(entry, options, progress), options);
    }

    /// <summary>
    /// The fingerprint of a dataset's sources when every source file is already local (in the cache or the mirror), or
    /// null when one would have to be downloaded. Lets a complete processed cache serve a dataset whose raw files are gone.
    /// </summary>
    public static string? TryLocalFingerprint(string name, DataOptions options)
    {
        var entry = DatasetRegistry.Get(name);
        if (entry.LocalPath is not null) return ComputeFingerprint(entry, ResolveFiles(entry, options), options);
        var resolver = new SourceResolver(DataDirectories.Resolve(options), options);
        var files = new Dictionary<string, string>();
        foreach (var source in entry.Sources)
        {
            if (resolver.TryLocate(source) is not { } found) return null;
            files[source.RelativePath] = found.Path;
        }
        return ComputeFingerprint(entry, files, options);
    }

    /// <summary>One source file of a registered dataset (e.g. only the TMC label matrices), resolved to a local path.</summary>
    public static string ResolveFile(string name, string relativePath, DataOptions options, IProgress<DownloadProgress>? progress = null)
    {
        var entry = DatasetRegistry.Get(name);
        var resolver = new SourceResolver(DataDirectories.Resolve(options), options, progress);
        return resolver.Resolve(entry.Source(relativePath), entry.Name).Path;
    }

    /// <summary>Source file path by canonical relative path (for user corpora: the corpus path itself).</summary>
    public static IReadOnlyDictionary<string, string> ResolveFiles(DatasetEntry entry, DataOptions options, IProgress<DownloadProgress>? progress = null)
    {
        if (entry.LocalPath is { } local) return new Dictionary<string, string> { [Path.GetFileName(local)] = local };
        var resolver = new SourceResolver(DataDirectories.Resolve(options), options, progress);
        return entry.Sources.ToDictionary(source => source.RelativePath, source => resolver.Resolve(source, entry.Name).Path);
    }

    static RawCorpus Read(DatasetEntry entry, IReadOnlyDictionary<string, string> files, DataOptions options) => entry.Format switch
    {
        CorpusFormat.NewsgroupsBydate =>
            NewsgroupsReader.Read(files[entry.Sources[0].RelativePath], options.Newsgroups, entry.Name, entry.ExpectedCounts, expectedGroups: 20),
        CorpusFormat.ReutersModApte => Checked(entry, ReutersReader.Read(files[entry.Sources[0].RelativePath], ReutersVariant.ModApte, entry.Name)),
        CorpusFormat.ReutersCategories90 =>
            Checked(entry, ReutersReader.Read(files[entry.Sources[0].RelativePath], ReutersVariant.Categories90, entry.Name)),
        CorpusFormat.Tmc => TmcReader.Read(files[DatasetRegistry.TmcTrainText], files[DatasetRegistry.TmcTrainLabels],
            files[DatasetRegistry.TmcTestText], files[DatasetRegistry.TmcTestLabels], entry.Name),
        CorpusFormat.Rcv1Lyrl2004 => Rcv1Reader.Read(DatasetRegistry.Rcv1TokenFiles.Select(f => files[f]).ToList(),
            files[DatasetRegistry.Rcv1Qrels], options.Rcv1, entry.Name),
        CorpusFormat.UserFolder => FolderCorpusReader.Read(entry.LocalPath!, options.UserSplit, entry.Name, TextDecoding.Parse(options.UserEncoding)),
        CorpusFormat.UserCsv => CsvCorpusReader.Read(entry.LocalPath!, options.UserSplit, entry.Name, TextDecoding.Parse(options.UserEncoding)),
        CorpusFormat.UserJsonl => JsonlCorpusReader.Read(entry.LocalPath!, options.UserSplit, entry.Name, TextDecoding.Parse(options.UserEncoding)),
        _ => throw new NotSupportedException($"No reader for {entry.Format}."),
    };

    /// <summary>Derived splits (ModApte and its 90-category subset) must have the release's counts.</summary>
    static RawCorpus Checked(DatasetEntry entry, RawCorpus corpus)
    {
        if (entry.ExpectedCounts is { } expected && (corpus.Train.Count != expected.Train || corpus.Test.Count != expected.Test))
            throw new DataSourceException(
                $"Dataset '{entry.Name}' came out as {corpus.Train.Count} train / {corpus.Test.Count} test documents; the release gives " +
                $"{expected.Train} / {expected.Test}. The source archive is damaged or modified: delete it and download it again.");
        return corpus;
    }

    static string ComputeFingerprint(DatasetEntry entry, IReadOnlyDictionary<string, string> files, DataOptions options)
    {
        var sources = entry.Format == CorpusFormat.UserFolder
            ? Directory.GetFiles(entry.LocalPath!, "*", SearchOption.AllDirectories).Select(p => (Path.GetRelativePath(entry.LocalPath!, p), p))
            : files.Select(pair => (pair.Key, pair.Value));
        return SourceFingerprint.Compute(sources, ReaderSettings(entry, options));
    }

    /// <summary>
    /// The encoding as it enters the fingerprint: nothing for the default, so caches prepared before the option
    /// existed stay valid.
    /// </summary>
    static string UserEncodingSetting(DataOptions options)
    {
        var encoding = TextDecoding.Parse(options.UserEncoding);
        return encoding.CodePage == System.Text.Encoding.UTF8.CodePage ? "" : $" encoding {encoding.WebName}";
    }

    /// <summary>The options that change what the reader returns, as text (records print all their members).</summary>
    static string ReaderSettings(DatasetEntry entry, DataOptions options) => entry.Format switch
    {
        CorpusFormat.NewsgroupsBydate => $"{entry.Format} {options.Newsgroups}",
        CorpusFormat.Rcv1Lyrl2004 => $"{entry.Format} {options.Rcv1}",
        CorpusFormat.UserFolder or CorpusFormat.UserCsv or CorpusFormat.UserJsonl => $"{entry.Format} {options.UserSplit}{UserEncodingSetting(options)}",
        _ => entry.Format.ToString(),
    };
}
