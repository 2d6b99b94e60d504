namespace Doc2Hash.Data.Readers;

/// <summary>
/// How the RCV1-v2 corpus is cut down, as the authors did: keep the most frequent topics, then sample documents.
/// </summary>
public sealed record Rcv1Sampling
{
    /// <summary>Training documents sampled (the authors: 100,000).</summary>
    public int TrainSize { get; init; } = 100_000;

    /// <summary>Test documents sampled; the pipeline halves them into test and validation (the authors: 10,000 + 10,000).</summary>
    public int TestSize { get; init; } = 20_000;

    /// <summary>Topics kept, the most frequent over all documents (the authors: 40).</summary>
    public int TopTopics { get; init; } = 40;

    /// <summary>Seed of the sampling shuffle.</summary>
    public int Seed { get; init; } = 1;
}
