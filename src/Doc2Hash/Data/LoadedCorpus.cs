namespace Doc2Hash.Data;

/// <summary>
/// A raw corpus with the registry entry it came from and the fingerprint of its sources (content hashes of the
/// source files plus the reader options that shape the corpus), for the processed-data cache manifest.
/// </summary>
public sealed record LoadedCorpus(DatasetEntry Entry, RawCorpus Corpus, string SourceFingerprint);
