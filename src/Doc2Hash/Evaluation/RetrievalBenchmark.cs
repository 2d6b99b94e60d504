using System.Diagnostics;
using Doc2Hash.Data;
using Doc2Hash.Retrieval;

namespace Doc2Hash.Evaluation;

/// <summary>Sizes and seed of the precision@K speed benchmark; defaults are 20 Newsgroups' test vs train split.</summary>
public sealed record RetrievalBenchmarkOptions
{
    /// <summary>Code length; 64 is the benchmark setting.</summary>
    public int Bits { get; init; } = 64;

    /// <summary>Queries: the 3,405 test documents of the kit's 20 Newsgroups split.</summary>
    public int Queries { get; init; } = 3405;

    /// <summary>Database: the 10,257 training documents of the kit's 20 Newsgroups split.</summary>
    public int Database { get; init; } = 10257;

    /// <summary>Single-label classes, uniformly drawn: 20 as in 20 Newsgroups.</summary>
    public int Labels { get; init; } = 20;

    /// <summary>Seed of the random codes and labels.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Depth of precision@K: the field's 100.</summary>
    public int K { get; init; } = 100;

    /// <summary>Timed runs of the fast path after its first (JIT-including) run; the best is reported.</summary>
    public int FastRepeats { get; init; } = 5;
}

/// <summary>Times of one benchmark run: the fast evaluator (all cores) against the naive single-threaded loop.</summary>
public sealed record RetrievalBenchmarkResult(
    RetrievalBenchmarkOptions Options,
    double FastPrecision,
    double NaivePrecision,
    TimeSpan FastFirstRun,
    TimeSpan FastBestRun,
    TimeSpan NaiveRun)
{
    /// <summary>Both paths rank identically and average in the same order, so they must agree exactly.</summary>
    public bool Agree => FastPrecision == NaivePrecision;

    public double Speedup => NaiveRun / FastBestRun;
}

/// <summary>Precision@K on random codes and labels of a real corpus's size: fast evaluator vs naive per-pair loop.</summary>
public static class RetrievalBenchmark
{
    public static RetrievalBenchmarkResult Run(RetrievalBenchmarkOptions options)
    {
        var random = new Random(options.Seed);
        var queries = RandomCodes.Create(options.Queries, options.Bits, random);
        var database = RandomCodes.Create(options.Database, options.Bits, random);
        var queryLabels = RandomLabels(options.Queries, options.Labels, random);
        var databaseLabels = RandomLabels(options.Database, options.Labels, random);
        double Fast() => RetrievalMetrics.PrecisionAtK(queries, queryLabels, database, databaseLabels, options.K);

        var (fastPrecision, fastFirst) = Time(Fast);
        var fastBest = Enumerable.Range(0, options.FastRepeats).Select(_ => Time(Fast).Elapsed).DefaultIfEmpty(fastFirst).Min();
        var (naivePrecision, naive) = Time(() => NaivePrecision.AtK(queries, queryLabels, database, databaseLabels, options.K));
        return new RetrievalBenchmarkResult(options, fastPrecision, naivePrecision, fastFirst, fastBest, naive);
    }

    private static LabelMatrix RandomLabels(int count, int labels, Random random) =>
        LabelMatrix.SingleLabel(labels, Enumerable.Range(0, count).Select(_ => random.Next(labels)).ToArray());

    private static (double Value, TimeSpan Elapsed) Time(Func<double> run)
    {
        var watch = Stopwatch.StartNew();
        double value = run();
        return (value, watch.Elapsed);
    }
}
