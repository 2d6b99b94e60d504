using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Experiments;

/// <summary>The classic methods run through the catalog and Experiment into complete run folders.</summary>
public class ClassicMethodsTests
{
    public static TheoryData<string> Classic() => ["lsh", "sph", "sth", "itq"];

    [Theory]
    [MemberData(nameof(Classic))]
    public void A_classic_method_writes_a_complete_run_folder_whose_state_reloads_to_the_same_codes(string method)
    {
        Assert.False(MethodCatalog.Get(method).IsNeural);
        var data = TinyCorpus.Topics(train: 200);
        var config = MethodCatalog.Configure(method, "tiny", bits: 8, new Dictionary<string, string> { ["k"] = "10" });
        var (run, summary) = Experiment.Train(config, data, Path.Combine(Path.GetTempPath(), "doc2hash-tests", Guid.NewGuid().ToString("N")));

        Assert.True(File.Exists(run.StateFile));
        Assert.Equal(Experiment.FittedProtocol, summary.SelectionProtocol);
        Assert.True(summary.Timings!["fit"] >= 0);
        var direct = ((IFittedMethodEntry)MethodCatalog.Get(method)).Fit(config.Settings, data);
        Assert.Equal(direct.Encode(data.Test.Features).Words, Experiment.Encode(run, data)["test"].Words);
        Assert.Equal(summary.TestPrecision, Experiment.Evaluate(run, data, k: 10).TestPrecision, 12);
    }
}
