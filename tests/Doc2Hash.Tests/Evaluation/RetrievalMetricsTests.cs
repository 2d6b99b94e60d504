using Doc2Hash.Data;
using Doc2Hash.Evaluation;
using Doc2Hash.Retrieval;

namespace Doc2Hash.Tests.Evaluation;

public class RetrievalMetricsTests
{
    [Theory]
    [InlineData(16, 20, false)]
    [InlineData(64, 20, true)]
    [InlineData(100, 90, true)] // more than 64 labels: multi-word label bitsets
    [InlineData(31, 90, false)]
    public void Precision_at_k_equals_the_naive_loop_on_random_codes_and_labels(int bits, int labelCount, bool multiLabel)
    {
        var random = new Random(bits + labelCount);
        var queries = RandomCodes.Create(40, bits, random);
        var database = RandomCodes.Create(500, bits, random);
        var queryLabels = RandomLabels(queries.Count, labelCount, multiLabel, random);
        var databaseLabels = RandomLabels(database.Count, labelCount, multiLabel, random);
        Assert.Equal(
            NaivePrecision.AtK(queries, queryLabels, database, databaseLabels, 50),
            RetrievalMetrics.PrecisionAtK(queries, queryLabels, database, databaseLabels, 50));
    }

    [Fact]
    public void Precision_at_k_defaults_to_100()
    {
        // 100 database codes, the first 30 relevant to the single query: any ranking of all 100 gives P@100 = 0.3.
        var random = new Random(5);
        var database = RandomCodes.Create(100, 32, random);
        var labels = LabelMatrix.SingleLabel(2, Enumerable.Range(0, 100).Select(i => i < 30 ? 0 : 1).ToArray());
        Assert.Equal(0.3, RetrievalMetrics.PrecisionAtK(RandomCodes.Create(1, 32, random), LabelMatrix.SingleLabel(2, [0]), database, labels), 12);
    }

    // Multi-label rows have 0 to 3 labels, so some documents have none and are never relevant.
    private static LabelMatrix RandomLabels(int count, int labelCount, bool multiLabel, Random random) => multiLabel
        ? LabelMatrix.MultiLabel(labelCount, Enumerable.Range(0, count)
            .Select(_ => (IReadOnlyCollection<int>)Enumerable.Range(0, random.Next(4)).Select(_ => random.Next(labelCount)).ToArray()).ToArray())
        : LabelMatrix.SingleLabel(labelCount, Enumerable.Range(0, count).Select(_ => random.Next(labelCount)).ToArray());
}
