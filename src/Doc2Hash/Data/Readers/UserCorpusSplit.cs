namespace Doc2Hash.Data.Readers;

/// <summary>The train/test split of a user corpus that does not say which document goes where.</summary>
public sealed record UserCorpusSplit
{
    /// <summary>Share of documents put into test (the usual 80/20 split).</summary>
    public double TestFraction { get; init; } = 0.2;

    /// <summary>Seed of the split shuffle.</summary>
    public int Seed { get; init; } = 1;
}
