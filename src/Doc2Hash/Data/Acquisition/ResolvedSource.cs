namespace Doc2Hash.Data.Acquisition;

/// <summary>Where a source file was found.</summary>
public enum SourceOrigin
{
    Cache,
    Mirror,
    Downloaded,
}

/// <summary>A source file located on disk, ready for its reader.</summary>
public sealed record ResolvedSource(SourceFile Source, string Path, SourceOrigin Origin);
