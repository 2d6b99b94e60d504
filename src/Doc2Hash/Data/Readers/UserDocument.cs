namespace Doc2Hash.Data.Readers;

/// <summary>Which canonical split a user document declares, if any.</summary>
public enum DeclaredSplit
{
    None,
    Train,
    Test,
}

/// <summary>A document of a user corpus as read, before the split is decided.</summary>
/// <param name="Source">Where it was read (e.g. "file.csv, line 4" or a file path), for error messages.</param>
public sealed record UserDocument(RawDocument Document, DeclaredSplit Split, string Source = "");
