namespace Doc2Hash.Data.Cache;

/// <summary>
/// The JSON manifest written next to a cached dataset, last, once the data file is complete. A cache is used only
/// when the manifest exists, its format version and both fingerprints match, and the data file has the recorded
/// size and SHA-256.
/// </summary>
/// <param name="FormatVersion">Version of the binary layout (<see cref="ProcessedDatasetFile.FormatVersion"/>).</param>
/// <param name="Name">Dataset name, also the file name stem.</param>
/// <param name="SourceFingerprint">Identifies the raw input (e.g. archive sizes and member checksums); the caller's string.</param>
/// <param name="PreprocessingFingerprint">Identifies the preprocessing configuration; the caller's string.</param>
/// <param name="CreatedUtc">When the cache was written.</param>
/// <param name="DataBytes">Size of the data file, trailer included.</param>
/// <param name="DataSha256">SHA-256 of the data file without its 32-byte trailer (which holds the same hash), as hex.</param>
public sealed record ProcessedDatasetManifest(
    int FormatVersion,
    string Name,
    string SourceFingerprint,
    string PreprocessingFingerprint,
    DateTimeOffset CreatedUtc,
    int TrainDocuments,
    int ValidationDocuments,
    int TestDocuments,
    int VocabularySize,
    int LabelCount,
    long DataBytes,
    string DataSha256);
