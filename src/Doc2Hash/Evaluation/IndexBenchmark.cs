using Doc2Hash.Retrieval;

namespace Doc2Hash.Evaluation;

/// <summary>One K: the linear scan and the multi-index search over the same queries, and the index's work per query.</summary>
public sealed record IndexBenchmarkRow(int K, TimedRun Linear, TimedRun Index, double KeysPerQuery, double CodesMeasuredPerQuery, bool Identical)
{
    public double Speedup => Linear.Wall / Index.Wall;
    public double ProcessorSpeedup => Linear.Processor / Index.Processor;
}

/// <summary>A multi-index benchmark: the index built once, then every K timed against the linear scan (results compared).</summary>
public sealed record IndexBenchmarkResult(int Bits, int Database, int Queries, SubstringLayout Layout, TimedRun Build, long TableBytes, IReadOnlyList<IndexBenchmarkRow> Rows);

/// <summary>Multi-index hashing against <see cref="HammingSearch"/> on the same codes, same run, both on all cores.</summary>
public static class IndexBenchmark
{
    public static IndexBenchmarkResult Run(BinaryCodes queries, BinaryCodes database, IReadOnlyList<int> ks, SubstringLayout? layout = null)
    {
        var (index, build) = TimedRun.Measure(() => MultiIndexHashing.Build(database, layout));
        var rows = new List<IndexBenchmarkRow>();
        foreach (int k in ks)
        {
            var (linear, linearTime) = TimedRun.Measure(() => HammingSearch.TopK(queries, database, k));
            var statistics = new MultiIndexStatistics();
            var (indexed, indexTime) = TimedRun.Measure(() => index.TopK(queries, k, statistics));
            rows.Add(new IndexBenchmarkRow(k, linearTime, indexTime, (double)statistics.KeysProbed / queries.Count,
                (double)statistics.CodesMeasured / queries.Count, RetrievalThroughput.Same(linear, indexed)));
        }
        return new IndexBenchmarkResult(database.Bits, database.Count, queries.Count, index.Layout, build, index.TableBytes, rows);
    }
}
