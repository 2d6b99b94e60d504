namespace Doc2Hash.Data;

/// <summary>A document as a corpus reader returns it: its id in the source, its text and its label names.</summary>
public sealed record RawDocument(string Id, string Text, IReadOnlyList<string> Labels);

/// <summary>
/// A corpus as released, before any preprocessing: the canonical train and test splits. Validation is carved out
/// of test later by the preprocessing pipeline (the authors' protocol).
/// </summary>
public sealed record RawCorpus(string Name, IReadOnlyList<RawDocument> Train, IReadOnlyList<RawDocument> Test, bool IsMultiLabel);
