namespace Doc2Hash.Data.Readers;

/// <summary>Which canonical split a user document declares, if any.</summary>
public enum DeclaredSplit
{
    None,
    Train,
    Test,
}

/// <summary>A document of a user corpus as read, before the split is decided.</summary>
public sealed record UserDocument(RawDocument Document, DeclaredSplit Split);
