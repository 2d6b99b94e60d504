using Doc2Hash.Data;
using Doc2Hash.Retrieval;

namespace Doc2Hash.Evaluation;

/// <summary>
/// Hamming distances between query and database codes, split by relevance (same label; multi-label: a shared label,
/// the rule of <see cref="LabelRelevance"/>). Good codes put relevant pairs close and irrelevant pairs far; the two
/// histograms show how far apart the distributions are, beyond what precision@K says.
/// </summary>
public sealed record DistanceDistribution(int Bits, int[] Relevant, int[] Irrelevant)
{
    public double MeanRelevant => Relevant.Length == 0 ? double.NaN : Relevant.Average();
    public double MeanIrrelevant => Irrelevant.Length == 0 ? double.NaN : Irrelevant.Average();

    /// <summary>
    /// Distances of every query to <paramref name="documentsPerQuery"/> database documents drawn uniformly (with a
    /// seeded generator, so the sample is repeatable), each sorted into relevant or irrelevant.
    /// </summary>
    public static DistanceDistribution Sample(BinaryCodes queries, LabelMatrix queryLabels, BinaryCodes database, LabelMatrix databaseLabels,
        int documentsPerQuery, int seed)
    {
        Validate(queries, queryLabels, database, databaseLabels);
        ArgumentOutOfRangeException.ThrowIfLessThan(documentsPerQuery, 1);
        var relevance = new LabelRelevance(queryLabels, databaseLabels);
        var random = new Random(seed);
        var relevant = new List<int>();
        var irrelevant = new List<int>();
        for (int q = 0; q < queries.Count; q++)
        {
            for (int i = 0; i < documentsPerQuery; i++)
            {
                int d = random.Next(database.Count);
                int distance = HammingDistance.Between(queries.Code(q), database.Code(d));
                (relevance.IsRelevant(q, d) ? relevant : irrelevant).Add(distance);
            }
        }
        return new DistanceDistribution(queries.Bits, [.. relevant], [.. irrelevant]);
    }

    /// <summary>
    /// Distances of every query to every database document (no sampling: for a few queries, e.g. one search query
    /// against the whole training set), each sorted into relevant or irrelevant.
    /// </summary>
    public static DistanceDistribution Exhaustive(BinaryCodes queries, LabelMatrix queryLabels, BinaryCodes database, LabelMatrix databaseLabels)
    {
        Validate(queries, queryLabels, database, databaseLabels);
        var relevance = new LabelRelevance(queryLabels, databaseLabels);
        var distances = new int[database.Count];
        var relevant = new List<int>();
        var irrelevant = new List<int>();
        for (int q = 0; q < queries.Count; q++)
        {
            HammingDistance.ToAll(queries.Code(q), database, distances);
            for (int d = 0; d < database.Count; d++) (relevance.IsRelevant(q, d) ? relevant : irrelevant).Add(distances[d]);
        }
        return new DistanceDistribution(queries.Bits, [.. relevant], [.. irrelevant]);
    }

    private static void Validate(BinaryCodes queries, LabelMatrix queryLabels, BinaryCodes database, LabelMatrix databaseLabels)
    {
        if (queries.Bits != database.Bits)
            throw new ArgumentException($"Query codes have {queries.Bits} bits but database codes {database.Bits}; encode both with the same model.");
        if (queries.Count != queryLabels.Count || database.Count != databaseLabels.Count)
            throw new ArgumentException($"Codes and labels disagree: {queries.Count} query codes for {queryLabels.Count} label rows, {database.Count} database codes for {databaseLabels.Count} label rows.");
        if (database.Count == 0) throw new ArgumentException("The database has no codes.");
    }
}
