using Doc2Hash.IO;
using System.Text.Json;
using Doc2Hash.Data.Formats;

namespace Doc2Hash.Data.Cache;

/// <summary>
/// Keeps prepared datasets on disk so a second load takes a fraction of a second: per dataset a binary data file
/// "NAME.d2hcache" (<see cref="ProcessedDatasetFile"/>) and a manifest "NAME.manifest.json"
/// (<see cref="ProcessedDatasetManifest"/>). A missing, stale (fingerprints differ) or corrupt (size, checksum or
/// format version wrong) cache is reported by <see cref="TryLoad"/> with the reason, never partly used; the caller
/// rebuilds the dataset and calls <see cref="Save"/>, which replaces the cache atomically.
/// </summary>
public static class ProcessedDatasetCache
{
    public const string DataExtension = ".d2hcache";
    public const string ManifestExtension = ".manifest.json";

    public static string DataPath(string directory, string name) => Path.Combine(directory, ValidName(name) + DataExtension);
    public static string ManifestPath(string directory, string name) => Path.Combine(directory, ValidName(name) + ManifestExtension);

    /// <summary>
    /// Loads the cached dataset if it exists, matches both fingerprints and passes the integrity checks.
    /// On false, <paramref name="reason"/> says why (missing, stale or corrupt) and <paramref name="dataset"/> is null.
    /// </summary>
    public static bool TryLoad(string directory, string name, string sourceFingerprint, string preprocessingFingerprint,
        out HashingDataset? dataset, out string reason) =>
        TryLoad(directory, name, sourceFingerprint, preprocessingFingerprint, out dataset, out _, out reason);

    /// <summary>
    /// Loads a cached dataset whose raw sources are no longer available, so their fingerprint cannot be recomputed: the
    /// cache must be complete, pass its size and SHA-256 checks and match <paramref name="preprocessingFingerprint"/>;
    /// <paramref name="sourceFingerprint"/> returns the source fingerprint it was built from.
    /// </summary>
    public static bool TryLoadWithoutSource(string directory, string name, string preprocessingFingerprint,
        out HashingDataset? dataset, out string? sourceFingerprint, out string reason) =>
        TryLoad(directory, name, null, preprocessingFingerprint, out dataset, out sourceFingerprint, out reason);

    private static bool TryLoad(string directory, string name, string? sourceFingerprint, string preprocessingFingerprint,
        out HashingDataset? dataset, out string? cachedSource, out string reason)
    {
        dataset = null;
        cachedSource = null;
        string manifestPath = ManifestPath(directory, name), dataPath = DataPath(directory, name);
        if (!File.Exists(manifestPath))
        {
            reason = $"no cached copy of '{name}' in '{directory}' (no {Path.GetFileName(manifestPath)})";
            return false;
        }
        var manifest = ReadManifest(manifestPath, out reason);
        if (manifest is null || !IsCurrent(manifest, name, sourceFingerprint, preprocessingFingerprint, out reason))
            return false;
        var loaded = ReadData(dataPath, manifest, out reason);
        if (loaded is null) return false;
        dataset = loaded;
        cachedSource = manifest.SourceFingerprint;
        reason = $"loaded '{name}' from '{dataPath}' (cached {manifest.CreatedUtc:u})";
        return true;
    }

    /// <summary>
    /// Writes the dataset and its manifest, replacing any previous cache of that name. The data goes to a complete
    /// temporary file first; only then is the old manifest removed, the data renamed into place and the new manifest
    /// written (atomically, last). A failure before that leaves the old cache intact; a crash after it leaves no
    /// manifest, which reads as "missing". Either way no temporary file is left behind by a thrown exception.
    /// </summary>
    public static ProcessedDatasetManifest Save(string directory, string name, HashingDataset dataset,
        string sourceFingerprint, string preprocessingFingerprint)
    {
        string manifestPath = ManifestPath(directory, name), dataPath = DataPath(directory, name);
        var file = ProcessedDatasetFile.Serialize(dataset);
        var manifest = new ProcessedDatasetManifest(ProcessedDatasetFile.FormatVersion, name, sourceFingerprint, preprocessingFingerprint,
            DateTimeOffset.UtcNow, dataset.Train.Count, dataset.Validation.Count, dataset.Test.Count, dataset.VocabularySize,
            dataset.LabelCount, file.Length, ProcessedDatasetFile.ContentHash(file));
        var json = JsonSerializer.SerializeToUtf8Bytes(manifest, ProcessedDatasetManifestJson.Default.ProcessedDatasetManifest);
        string temporary = AtomicFile.WriteTemporary(dataPath, stream => stream.Write(file));
        DeleteOrDiscard(manifestPath, temporary);
        AtomicFile.Commit(temporary, dataPath, overwrite: true);
        AtomicFile.Write(manifestPath, stream => stream.Write(json), overwrite: true);
        return manifest;
    }

    private static void DeleteOrDiscard(string manifestPath, string temporary)
    {
        try
        {
            File.Delete(manifestPath);
        }
        catch
        {
            File.Delete(temporary);
            throw;
        }
    }

    private static ProcessedDatasetManifest? ReadManifest(string manifestPath, out string reason)
    {
        reason = "";
        try
        {
            var bytes = File.ReadAllBytes(manifestPath);
            if (bytes.Length == 0)
            {
                reason = $"corrupt cache: manifest '{manifestPath}' is empty (0 bytes)";
                return null;
            }
            var manifest = JsonSerializer.Deserialize(bytes, ProcessedDatasetManifestJson.Default.ProcessedDatasetManifest);
            if (manifest?.Name is null || manifest.SourceFingerprint is null || manifest.PreprocessingFingerprint is null || manifest.DataSha256 is null)
                reason = $"corrupt cache: manifest '{manifestPath}' lacks required fields";
            else
                return manifest;
        }
        catch (JsonException e)
        {
            reason = $"corrupt cache: manifest '{manifestPath}' is not valid JSON ({e.Message})";
        }
        return null;
    }

    /// <summary>Format, name and fingerprints match; a null <paramref name="source"/> (raw files gone) skips the source check.</summary>
    private static bool IsCurrent(ProcessedDatasetManifest manifest, string name, string? source, string preprocessing, out string reason)
    {
        reason = manifest switch
        {
            { FormatVersion: var v } when v != ProcessedDatasetFile.FormatVersion =>
                $"outdated cache: format version {v}, this build reads version {ProcessedDatasetFile.FormatVersion}",
            { Name: var n } when n != name => $"corrupt cache: the manifest describes dataset '{n}', not '{name}'",
            { SourceFingerprint: var s } when source is not null && s != source => $"stale cache: source fingerprint changed (cached '{s}', now '{source}')",
            { PreprocessingFingerprint: var p } when p != preprocessing =>
                $"stale cache: preprocessing fingerprint changed (cached '{p}', now '{preprocessing}')",
            _ => "",
        };
        return reason.Length == 0;
    }

    private static HashingDataset? ReadData(string dataPath, ProcessedDatasetManifest manifest, out string reason)
    {
        if (!File.Exists(dataPath))
        {
            reason = $"corrupt cache: data file '{dataPath}' is missing";
            return null;
        }
        var file = File.ReadAllBytes(dataPath);
        if (file.Length < ProcessedDatasetFile.TrailerBytes)
        {
            reason = $"corrupt cache: '{dataPath}' has {file.Length} bytes{(file.Length == 0 ? " (it is empty)" : "")}, fewer than its {ProcessedDatasetFile.TrailerBytes}-byte checksum alone";
            return null;
        }
        if (file.Length != manifest.DataBytes)
        {
            reason = $"corrupt cache: '{dataPath}' has {file.Length} bytes, the manifest says {manifest.DataBytes} (truncated or replaced)";
            return null;
        }
        string hash = ProcessedDatasetFile.ContentHash(file);
        bool trailerMatches = Convert.ToHexStringLower(file.AsSpan(file.Length - ProcessedDatasetFile.TrailerBytes)) == hash;
        if (hash != manifest.DataSha256 || !trailerMatches)
        {
            reason = $"corrupt cache: '{dataPath}' fails its SHA-256 check";
            return null;
        }
        return Parse(file, dataPath, manifest, out reason);
    }

    private static HashingDataset? Parse(byte[] file, string dataPath, ProcessedDatasetManifest manifest, out string reason)
    {
        try
        {
            var dataset = ProcessedDatasetFile.Deserialize(file);
            var counts = (dataset.Train.Count, dataset.Validation.Count, dataset.Test.Count, dataset.VocabularySize, dataset.LabelCount);
            if (counts != (manifest.TrainDocuments, manifest.ValidationDocuments, manifest.TestDocuments, manifest.VocabularySize, manifest.LabelCount))
            {
                reason = $"corrupt cache: '{dataPath}' holds {counts} (train, validation, test, vocabulary, labels), the manifest says otherwise";
                return null;
            }
            reason = "";
            return dataset;
        }
        catch (DataFormatException e)
        {
            reason = $"corrupt cache: '{dataPath}': {e.Message}";
            return null;
        }
    }

    private static string ValidName(string name)
    {
        if (string.IsNullOrWhiteSpace(name) || name is "." or ".." || name.IndexOfAny(Path.GetInvalidFileNameChars()) >= 0)
            throw new ArgumentException($"'{name}' cannot name a cache file; use letters, digits, '-', '_' or '.'.", nameof(name));
        return name;
    }
}
