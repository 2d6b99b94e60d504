namespace Doc2Hash.Data.Readers;

/// <summary>Documents per canonical split of a release, used to check that an archive is complete.</summary>
public sealed record SplitCounts(int Train, int Test);
