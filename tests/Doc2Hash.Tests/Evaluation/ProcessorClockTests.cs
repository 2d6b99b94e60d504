using Doc2Hash.Evaluation;
using Doc2Hash.Tests.Data;

namespace Doc2Hash.Tests.Evaluation;

public class ProcessorClockTests
{
    [Fact]
    public void Cpuinfo_clock_is_the_mean_of_its_cpu_mhz_lines()
    {
        using var folder = new TempFolder();
        string path = folder.WriteText("cpuinfo", "processor\t: 0\ncpu MHz\t\t: 2000.000\nflags\t: avx2\n\nprocessor\t: 1\ncpu MHz\t\t: 3000.500\n");
        var clock = ProcessorClock.FromCpuinfo(path)!;
        Assert.Equal(2500.25e6, clock.Hertz, 3);
        Assert.Contains("cpu MHz", clock.Source);
        Assert.Null(ProcessorClock.FromCpuinfo(folder.WriteText("empty", "processor\t: 0\n")));
        Assert.Null(ProcessorClock.FromCpuinfo(folder.File("missing")));
    }

    [Fact]
    public void Cpufreq_clock_is_read_in_kilohertz()
    {
        using var folder = new TempFolder();
        var clock = ProcessorClock.FromCpufreq(folder.WriteText("max", "2800000\n"))!;
        Assert.Equal(2.8e9, clock.Hertz);
        Assert.Contains("nominal maximum", clock.Source);
        Assert.Null(ProcessorClock.FromCpufreq(folder.WriteText("bad", "n/a")));
    }

    [Fact]
    public void Throughput_reports_pairs_and_the_popcount_limit()
    {
        var result = new RetrievalThroughputResult(new RetrievalThroughputOptions { Queries = 1000, Database = 2000, Bits = 100, Baseline = false },
            Doc2Hash.Retrieval.HammingKernel.Scalar, 2, TimeSpan.FromSeconds(0.5), TimeSpan.FromSeconds(1), null, null, null, new ProcessorClock(2e9, "test"));
        Assert.Equal(4e6, result.PairsPerSecond);
        Assert.Equal(2e6, result.PairsPerCpuSecond);
        Assert.Equal(2, result.WordsPerCode);
        Assert.Equal(2 * 2e9 / 2, result.PopcountLimit);
        Assert.Equal(4e6 / 2e9, result.FractionOfLimit!.Value, 12);
        Assert.Null(result.Speedup);
    }
}
