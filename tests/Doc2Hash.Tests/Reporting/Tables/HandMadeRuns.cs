using Doc2Hash.Data.Formats;
using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Study;
using Doc2Hash.Training;

namespace Doc2Hash.Tests.Reporting.Tables;

/// <summary>Writes finished run records by hand (config, summary, optional per-query precision) for table and report tests.</summary>
internal sealed class HandMadeRuns(string directory)
{
    private static DateTime _clock = new(2031, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    public static RunConfig Config(GridCell cell, StudyProfile? profile = null) =>
        StudyCatalog.Resolver(profile ?? StudyProfile.Quick)(cell) with { DataFingerprint = "sha256:test-" + cell.Dataset };

    /// <summary>A finished run of <paramref name="cell"/>; test P@100 is the mean of <paramref name="perQuery"/> when given.</summary>
    public RunFolder Add(GridCell cell, double testPrecision, float[]? perQuery = null, RunConfig? config = null, DateTime? finished = null)
    {
        config ??= Config(cell);
        lock (typeof(HandMadeRuns)) _clock = _clock.AddMinutes(1);
        var started = finished ?? _clock;
        var run = RunFolder.Create(directory, config, started);
        run.WriteSummary(new RunSummary(config.Method, config.Dataset, config.Bits, config.Seed, "cpu", new Dictionary<string, string>(),
            config.DataFingerprint, TrainingResult.SelectedOnValidationLabel, 100, StudyCatalog.Epochs(config), StudyCatalog.Epochs(config),
            testPrecision, testPrecision, 10, 1, started, started.AddSeconds(30), false));
        if (perQuery is not null) NpyWriter.WriteFloat32(Path.Combine(run.Path, RunResults.QueryPrecisionFile), [perQuery.Length], perQuery);
        return run;
    }
}
