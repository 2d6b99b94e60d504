using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Study;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Tests.TestSupport;
using Doc2Hash.Training;

namespace Doc2Hash.Tests.Experiments;

/// <summary>Run folders written before per-method settings (Fixtures/LegacyRuns) still read, with their meaning intact.</summary>
public class LegacyRunConfigTests
{
    private static RunFolder Fixture(string dataset, string run) =>
        RunFolder.Open(Path.Combine(AppContext.BaseDirectory, "Fixtures", "LegacyRuns", dataset, run));

    [Fact]
    public void The_committed_20ng_run_config_reads_as_doc2hash_with_the_authors_kl_form()
    {
        var config = Fixture("ng20", "doc2hash-32b-seed1-20261128-201120").ReadConfig();
        var settings = Assert.IsType<NeuralSettings<Doc2HashConfig>>(config.Settings);
        Assert.Equal(("doc2hash", "ng20", 32, 1), (config.Method, config.Dataset, config.Bits, config.Seed));
        Assert.Equal(KlForm.AuthorsFlatSoftmax, settings.Model.KlForm);
        Assert.Equal(30, settings.Training.Epochs);
        Assert.Null(settings.LabelHead);
        // It is the configuration the study grid builds for that cell with a 30-epoch budget, so its record is recognised.
        var resolve = StudyCatalog.Resolver(StudyProfile.Quick with { Epochs = 30 });
        Assert.Equal(RunKey.Of(resolve(new GridCell("doc2hash", "ng20", 32, 1)) with { DataFingerprint = config.DataFingerprint }), RunKey.Of(config));
    }

    [Fact]
    public void A_legacy_doc2hash_s_run_reads_with_its_label_head_and_its_summary()
    {
        var folder = Fixture("tiny", "doc2hash-s-8b-seed1-20261201-024241");
        var config = folder.ReadConfig();
        var settings = Assert.IsType<NeuralSettings<Doc2HashConfig>>(config.Settings);
        Assert.Equal("doc2hash-s", config.Method);
        Assert.Equal(new LabelHeadConfig { WeightStep = 0.003, MaxWeight = 150 }, settings.LabelHead);
        Assert.Equal(new TrainerOptions { Epochs = 2, BatchSize = 50, LearningRate = 0.005, K = 10 }, settings.Training);
        var summary = folder.ReadSummary();
        Assert.Equal((2, 0.32400000000000007), (summary.BestEpoch, summary.TestPrecision));
        Assert.Null(summary.Timings);
    }

    [Theory]
    [InlineData("StraightThrough", LatentEstimator.StraightThroughGumbel)]
    [InlineData("Soft", LatentEstimator.SoftGumbel)]
    public void A_config_from_before_the_estimator_switch_keeps_its_gumbel_mode(string sampling, LatentEstimator expected)
    {
        using var folder = new Data.Formats.TemporaryDirectory();
        string source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "LegacyRuns", "ng20", "doc2hash-32b-seed1-20261128-201120", "config.json"));
        Assert.Contains("\"Sampling\": \"StraightThrough\"", source);
        File.WriteAllText(folder.File("config.json"), source.Replace("\"Sampling\": \"StraightThrough\"", $"\"Sampling\": \"{sampling}\""));
        var settings = Assert.IsType<NeuralSettings<Doc2HashConfig>>(RunFolder.Open(folder.Path).ReadConfig().Settings);
        Assert.Equal(expected, settings.Model.Estimator);
        Assert.Equal(LatentPrior.Uniform, settings.Model.Prior);
    }

    [Fact]
    [BadInput("run folder", "config.json with a Doc2hash \"Sampling\" value that never existed", "DataFormatException: Unknown legacy Doc2hash sampling '...' in config.json: expected StraightThrough or Soft")]
    public void An_unknown_legacy_sampling_value_is_a_clear_error()
    {
        using var folder = new Data.Formats.TemporaryDirectory();
        string source = File.ReadAllText(Path.Combine(AppContext.BaseDirectory, "Fixtures", "LegacyRuns", "ng20", "doc2hash-32b-seed1-20261128-201120", "config.json"));
        File.WriteAllText(folder.File("config.json"), source.Replace("\"Sampling\": \"StraightThrough\"", "\"Sampling\": \"Hard\""));
        var error = Assert.Throws<Doc2Hash.IO.DataFormatException>(() => RunFolder.Open(folder.Path).ReadConfig());
        Assert.Contains("Unknown legacy Doc2hash sampling 'Hard'", error.Message);
    }
}
