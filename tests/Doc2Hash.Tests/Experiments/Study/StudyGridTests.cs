using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Experiments.Study;
using Doc2Hash.Tests.Data;

namespace Doc2Hash.Tests.Experiments.Study;

public class StudyGridTests
{
    private static StudyProfile Small(params string[] ablations) => StudyProfile.Quick with
    {
        Datasets = ["tiny"], Bits = [16, 32], Seeds = [1, 2], Epochs = 3, Ablations = ablations,
    };

    private static IReadOnlyList<PlannedRun> Plan(StudyProfile profile, IRunExecutor executor) =>
        StudyGrid.Plan(StudyGrid.Cells(profile), StudyCatalog.Resolver(profile), executor.Fingerprint);

    [Fact]
    public void The_grid_is_datasets_x_methods_x_bits_x_seeds_plus_ablation_variants_x_seeds()
    {
        var profile = Small("kl-form") with { Datasets = ["a", "b"] };
        var cells = StudyGrid.Cells(profile);
        // Per dataset: 1 method x 2 bits x 2 seeds = 4 main cells + 2 KL-form variants x 2 seeds = 4 ablation cells.
        Assert.Equal(16, cells.Count);
        Assert.Equal(new GridCell("doc2hash", "a", 16, 1), cells[0]);
        Assert.Equal(new GridCell("doc2hash", "a", 32, 1, "kl-form", "authors"), cells[4]);
        Assert.Equal(new GridCell("doc2hash", "a", 32, 2, "kl-form", "per-bit"), cells[7]);
    }

    [Fact]
    public void Identical_configurations_map_to_one_run_and_one_key()
    {
        var plan = Plan(Small("kl-form"), new FakeRunExecutor());
        // The "authors" variant is the main setting at 32 bits: same configuration as the main cells, so 4 + 2 runs.
        Assert.Equal(6, plan.Count);
        var main32 = plan.Single(r => r.Cell == new GridCell("doc2hash", "tiny", 32, 1));
        Assert.Equal([new GridCell("doc2hash", "tiny", 32, 1, "kl-form", "authors")], main32.Aliases);
        Assert.Equal(plan.Count, plan.Select(r => r.Key).Distinct().Count());
        Assert.Equal("per-bit", plan.Single(r => r.Cell.Variant == "per-bit" && r.Cell.Seed == 1).Config.Option(StudyCatalog.KlFormOption));
        Assert.All(plan, r => Assert.Equal("sha256:fake-tiny", r.Config.DataFingerprint));
    }

    [Fact]
    public void Keys_are_stable_and_change_with_any_setting()
    {
        var resolve = StudyCatalog.Resolver(Small());
        var config = resolve(new GridCell("doc2hash", "tiny", 32, 1));
        Assert.Equal(RunKey.Of(config), RunKey.Of(resolve(new GridCell("doc2hash", "tiny", 32, 1))));
        var seed2 = resolve(new GridCell("doc2hash", "tiny", 32, 2));
        Assert.NotEqual(RunKey.Of(config), RunKey.Of(seed2));
        Assert.NotEqual(RunKey.Of(config), RunKey.Of(config with { DataFingerprint = "sha256:other" }));
        Assert.NotEqual(RunKey.Of(config), RunKey.Of(MethodCatalog.Configure("doc2hash", "tiny", 32, new Dictionary<string, string> { ["seed"] = "1", ["epochs"] = "3", ["kl-form"] = "authors", ["kl-weight"] = "1.999" })));
        Assert.Equal(RunKey.Of(config), RunKey.Of(MethodCatalog.Configure("doc2hash", "tiny", 32, new Dictionary<string, string> { ["kl-form"] = "authors", ["epochs"] = "3", ["seed"] = "1" })));   // option order does not matter
        Assert.Equal(RunKey.OfSetting(config), RunKey.OfSetting(seed2 with { DataFingerprint = "x" }));
        // Canonical JSON sorts keys ordinally: "BiasFill" before "Bits".
        string json = RunKey.CanonicalJson(config);
        Assert.True(json.IndexOf("\"BiasFill\"", StringComparison.Ordinal) < json.IndexOf("\"Bits\"", StringComparison.Ordinal));
        Assert.DoesNotContain("ShowProgress", json);
        Assert.Matches("^[0-9a-f]{16}$", RunKey.Of(config));
    }

    [Fact]
    public void A_second_run_skips_everything_and_an_interrupted_run_is_resumed_from_its_epochs()
    {
        using var temp = new TempFolder();
        var directories = new StudyDirectories(temp.File("runs"), temp.File("results/runs"));
        var executor = new FakeRunExecutor();
        var profile = Small("kl-form");
        var plan = Plan(profile, executor);

        // Simulated interruption: the per-bit seed-1 run was killed after 2 of 3 epochs (config, metrics, last checkpoint; no summary).
        var killed = plan.Single(r => r.Cell.Variant == "per-bit" && r.Cell.Seed == 1);
        var folder = RunFolder.Create(directories.Runs, killed.Config, new DateTime(2029, 1, 1, 0, 0, 0, DateTimeKind.Utc));
        folder.WriteMetrics([new(0, 1, 0, new Dictionary<string, double>(), new Dictionary<string, double>(), 0.1, true),
                             new(1, 1, 0, new Dictionary<string, double>(), new Dictionary<string, double>(), 0.2, true)], ((INeuralSettings)killed.Config.Settings).Training);
        Directory.CreateDirectory(folder.Checkpoints);
        File.WriteAllBytes(folder.LastCheckpoint, [1]);

        var steps = StudyStep.Inspect(plan, directories);
        var resume = steps.Single(s => s.Action == RunAction.Resume);
        Assert.Equal(killed.Key, resume.Run.Key);
        Assert.Equal(2, resume.EpochsDone);
        Assert.Equal(5, steps.Count(s => s.Action == RunAction.Train));

        var events = new List<StudyEvent>();
        var outcome = StudyRunner.Run(steps, executor, directories, events.Add);
        Assert.Equal((6, 0, 0), (outcome.Done, outcome.Skipped, outcome.Failed));
        Assert.Contains($"resume tiny doc2hash 32b seed1 per-bit", executor.Calls);
        Assert.Single(events.OfType<RunEpoch>(), e => e.Run.Key == killed.Key);   // only epoch 3 was left
        Assert.Equal(6, RunRecord.Scan(directories.Records).Count);               // every finished run committed
        Assert.True(File.Exists(Path.Combine(directories.Records, "tiny", Path.GetFileName(folder.Path), RunResults.QueryPrecisionFile)));

        executor.Calls.Clear();
        var again = StudyRunner.Run(StudyStep.Inspect(plan, directories), executor, directories);
        Assert.Equal((0, 6, 0), (again.Done, again.Skipped, again.Failed));
        Assert.Empty(executor.Calls);

        // A fresh clone has only the committed records: still nothing to train.
        Directory.Delete(directories.Runs, recursive: true);
        Assert.All(StudyStep.Inspect(plan, directories), s => Assert.Equal(RunAction.Skip, s.Action));
    }

    [Fact]
    public void A_failed_run_is_reported_marked_and_the_grid_goes_on_then_retrains_it()
    {
        using var temp = new TempFolder();
        var directories = new StudyDirectories(temp.File("runs"), temp.File("results/runs"));
        var executor = new FakeRunExecutor { FailWhen = c => c.Bits == 16 && c.Seed == 2 };
        var plan = Plan(Small(), executor);

        var outcome = StudyRunner.Run(StudyStep.Inspect(plan, directories), executor, directories);
        Assert.Equal((3, 0, 1), (outcome.Done, outcome.Skipped, outcome.Failed));
        var failure = Assert.Single(outcome.Failures);
        Assert.Contains("simulated failure", failure.Message);
        Assert.True(File.Exists(Path.Combine(failure.Folder!, RunFolder.FailedFile)));
        Assert.Equal(3, RunRecord.Scan(directories.Records).Count);                // the failed run is not committed

        executor.FailWhen = _ => false;
        var steps = StudyStep.Inspect(plan, directories);
        Assert.Equal(RunAction.Train, steps.Single(s => s.Run.Cell == new GridCell("doc2hash", "tiny", 16, 2)).Action);   // not resumed
        Assert.Equal(1, StudyRunner.Run(steps, executor, directories).Done);
    }

    [Theory]
    [InlineData(new[] { 4.0 }, 4.0)]
    [InlineData(new[] { 4.0, 50.0, 3.0 }, 4.0)]          // one overloaded run does not move the estimate
    [InlineData(new[] { 3.0, 5.0, 4.0, 100.0 }, 4.5)]
    public void Seconds_per_epoch_come_from_the_median_of_earlier_runs(double[] runs, double expected) =>
        Assert.Equal(expected, TimeEstimate.Median(runs), 12);

    [Fact]
    public void The_time_estimate_uses_earlier_epochs_or_the_calibrated_default()
    {
        using var temp = new TempFolder();
        var directories = new StudyDirectories(temp.File("runs"), temp.File("results/runs"));
        var executor = new FakeRunExecutor();
        var plan = Plan(Small(), executor);
        var fresh = StudyStep.Inspect(plan, directories);
        Assert.All(fresh, s => Assert.Equal(TimeSpan.FromSeconds(3 * TimeEstimate.DefaultSecondsPerEpoch + TimeEstimate.OverheadSeconds), s.Estimate));

        StudyRunner.Run(fresh, executor, directories);
        // The fake logs 0.5 s training + 0.1 s evaluation per epoch; a new seed at 16 bits is estimated from them.
        var more = StudyGrid.Plan(StudyGrid.Cells(Small() with { Seeds = [9] }), StudyCatalog.Resolver(Small()), executor.Fingerprint);
        var step = StudyStep.Inspect(more, directories).First(s => s.Run.Cell.Bits == 16);
        Assert.Equal(3 * 0.6 + TimeEstimate.OverheadSeconds, step.Estimate.TotalSeconds, 9);
    }

    [Fact]
    public void Every_ablation_variant_and_every_paper_cell_resolves_to_a_valid_configuration()
    {
        var paper = StudyProfile.Paper with { Datasets = ["tiny"] };
        var resolve = StudyCatalog.Resolver(paper);
        var configs = StudyGrid.Cells(paper).Select(resolve).ToList();   // an unknown option name or value would throw here
        Assert.Equal(StudyGrid.Cells(paper).Count, configs.Count);
        var perEpoch = resolve(new GridCell("doc2hash", "tiny", 32, 1, "temperature", "per-epoch"));
        Assert.Equal("tau-rate=0.9, tau-every=epoch", ConfigDifferences.Describe(ConfigDifferences.Between(resolve(new GridCell("doc2hash", "tiny", 32, 1)), perEpoch)));
        Assert.All(configs.Where(c => c.Method == "doc2hash"), c => Assert.Equal(c.Option("epochs"), MethodCatalog.Get("doc2hash").Preset(32) is INeuralSettings n ? n.Training.Epochs.ToString(System.Globalization.CultureInfo.InvariantCulture) : ""));
    }

    [Fact]
    public void The_nash_form_ablation_varies_the_kl_weight_and_the_binarization_of_the_kits_nash()
    {
        var profile = StudyProfile.Paper with { Datasets = ["tiny"] };
        var resolve = StudyCatalog.Resolver(profile);
        var main = resolve(new GridCell("nash", "tiny", 32, 1));
        Assert.Equal(RunKey.Of(main), RunKey.Of(resolve(new GridCell("nash", "tiny", 32, 1, "nash-form", "preset"))));   // the first variant is the main run
        string Difference(string variant) => ConfigDifferences.Describe(ConfigDifferences.Between(main, resolve(new GridCell("nash", "tiny", 32, 1, "nash-form", variant))));
        Assert.Equal("binarization=deterministic", Difference("authors"));
        Assert.Equal("kl-weight-initial=1, kl-weight-max=1", Difference("bound"));
        Assert.Equal("kl-weight-initial=0, kl-weight-increment=0.0002, kl-weight-max=1", Difference("bound-anneal"));
        Assert.Equal("kl-weight-initial=1, kl-weight-max=1, binarization=deterministic", Difference("deterministic-bound"));
    }

    [Fact]
    public void The_kl_anneal_and_free_bits_ablations_vary_one_switch_of_the_per_bit_kl_at_weight_1()
    {
        var resolve = StudyCatalog.Resolver(StudyProfile.Paper with { Datasets = ["tiny"] });
        var main = resolve(new GridCell("doc2hash", "tiny", 32, 1));
        var perBitWeight1 = resolve(new GridCell("doc2hash", "tiny", 32, 1, "kl-weight", "per-bit x1"));
        // The first variant of each is the real per-bit, weight-1 setting: the same run as the kl-weight ablation's "per-bit x1".
        Assert.Equal(RunKey.Of(perBitWeight1), RunKey.Of(resolve(new GridCell("doc2hash", "tiny", 32, 1, "kl-anneal", "off"))));
        Assert.Equal(RunKey.Of(perBitWeight1), RunKey.Of(resolve(new GridCell("doc2hash", "tiny", 32, 1, "free-bits", "lambda 0"))));
        Assert.Equal("kl-weight=1, kl-form=per-bit, kl-anneal-steps=5000",
            ConfigDifferences.Describe(ConfigDifferences.Between(main, resolve(new GridCell("doc2hash", "tiny", 32, 1, "kl-anneal", "anneal-5000")))));
        Assert.Equal("kl-weight=1, kl-form=per-bit, free-bits=0.05",
            ConfigDifferences.Describe(ConfigDifferences.Between(main, resolve(new GridCell("doc2hash", "tiny", 32, 1, "free-bits", "lambda 0.05")))));
        Assert.Equal(["lambda 0", "lambda 0.05", "lambda 0.25"], StudyCatalog.Ablation("free-bits").Variants.Select(v => v.Name));
        foreach (var ablation in new[] { "kl-anneal", "free-bits" })
            foreach (var variant in StudyCatalog.Ablation(ablation).Variants)
                resolve(new GridCell("doc2hash", "tiny", 32, 1, ablation, variant.Name)).Settings.Validate();   // Configure validates too; explicit here
    }

    [Theory]
    [InlineData("prior", new[] { "uniform", "learned", "gaussian" }, "prior")]
    [InlineData("estimator", new[] { "st-gumbel", "soft-gumbel", "st-bernoulli", "arm" }, "estimator")]
    public void The_prior_and_estimator_ablations_start_at_the_main_setting_and_vary_one_switch(string name, string[] variants, string option)
    {
        var resolve = StudyCatalog.Resolver(StudyProfile.Paper with { Datasets = ["tiny"] });
        var main = resolve(new GridCell("doc2hash", "tiny", 32, 1));
        var ablation = StudyCatalog.Ablation(name);
        Assert.Equal(variants, ablation.Variants.Select(v => v.Name));
        Assert.Equal(RunKey.Of(main), RunKey.Of(resolve(new GridCell("doc2hash", "tiny", 32, 1, name, variants[0]))));   // the first variant is the main run
        foreach (var variant in variants.Skip(1))
        {
            var config = resolve(new GridCell("doc2hash", "tiny", 32, 1, name, variant));
            config.Settings.Validate();
            Assert.Equal($"{option}={variant}", ConfigDifferences.Describe(ConfigDifferences.Between(main, config)));   // only the switch differs
            Assert.Equal("authors", config.Option("kl-form"));                                                     // at the study's main setting
        }
        Assert.Contains(name, StudyProfile.Paper.Ablations);
    }

    [Fact]
    public void Unknown_names_and_bad_sizes_are_clear_errors()
    {
        Assert.Contains("Unknown ablation 'prior-x'", Assert.Throws<ArgumentException>(() => StudyGrid.Cells(Small("prior-x"))).Message);
        Assert.Contains("Unknown method 'nash2'", Assert.Throws<ArgumentException>(() => StudyGrid.Cells(Small() with { Methods = ["nash2"] })).Message);
        Assert.Contains("outside 1..1024", Assert.Throws<ArgumentException>(() => StudyGrid.Cells(Small() with { Bits = [99999] })).Message);
        Assert.Contains("Unknown profile 'fast'", Assert.Throws<ArgumentException>(() => StudyProfile.Named("fast")).Message);
    }
}
