namespace Doc2Hash.Data;

/// <summary>
/// A dataset ready for training, with where it came from: the fingerprints that identify its sources and its
/// preprocessing (both go into every run summary), and whether it was read from the processed cache.
/// </summary>
public sealed record PreparedDataset(
    HashingDataset Dataset,
    string SourceFingerprint,
    string PreprocessingFingerprint,
    bool FromCache,
    string CacheNote,
    TimeSpan Elapsed)
{
    /// <summary>What makes this dataset's retrieval numbers meaningless, if anything (<see cref="DatasetWarnings"/>).</summary>
    public IReadOnlyList<string> Warnings => DatasetWarnings.Check(Dataset);

    /// <summary>One short id of sources + preprocessing (first 16 hex digits of a SHA-256), for run summaries.</summary>
    public string Fingerprint
    {
        get
        {
            var bytes = System.Security.Cryptography.SHA256.HashData(
                System.Text.Encoding.UTF8.GetBytes(SourceFingerprint + "\n" + PreprocessingFingerprint));
            return Convert.ToHexStringLower(bytes)[..16];
        }
    }
}
