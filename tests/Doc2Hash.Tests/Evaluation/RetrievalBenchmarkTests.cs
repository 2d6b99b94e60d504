using Doc2Hash.Evaluation;

namespace Doc2Hash.Tests.Evaluation;

public class RetrievalBenchmarkTests
{
    [Fact]
    public void Fast_and_naive_paths_agree_on_a_small_run()
    {
        var result = RetrievalBenchmark.Run(new RetrievalBenchmarkOptions { Bits = 32, Queries = 30, Database = 400, K = 20, FastRepeats = 1 });
        Assert.True(result.Agree, $"fast {result.FastPrecision} vs naive {result.NaivePrecision}");
        // 20 balanced random labels: precision near chance 1/20 (30 queries x 20 items: standard error about 0.009).
        Assert.InRange(result.FastPrecision, 0.01, 0.1);
    }
}
