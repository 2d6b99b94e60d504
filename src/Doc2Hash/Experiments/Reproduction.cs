using System.Text.Json;
using Doc2Hash.Data;
using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Training;

namespace Doc2Hash.Experiments;

/// <summary>
/// Runs a <see cref="ReproductionPlan"/> resumably: a cell whose finished run (same configuration, same data) is
/// already in the runs folder is skipped, an interrupted one is resumed from its last checkpoint, the rest are
/// trained. Tables are then regenerated from the run folders, never typed by hand.
/// </summary>
public static class Reproduction
{
    public static IReadOnlyList<RunRecord> Run(ReproductionPlan plan, Func<string, PreparedDataset> loadDataset, Action<string> log,
        Action<Trainer, RunFolder>? observe = null)
    {
        foreach (string name in plan.Datasets)
        {
            var data = loadDataset(name).Dataset;
            string fingerprint = DatasetFingerprint.Compute(data);
            foreach (var klForm in plan.KlForms)
            {
                foreach (int bits in plan.Bits)
                {
                    var config = plan.ConfigFor(name, bits, klForm) with { DataFingerprint = fingerprint };
                    var existing = FindRun(plan.RunsDirectory, config);
                    string cell = $"{name} {config.Method} {bits} bits, KL {KlFormNames.Of(klForm)}";
                    if (existing is { Finished: true })
                    {
                        log($"{cell}: done in {existing.Folder.Path} (skipped)");
                        continue;
                    }
                    if (existing is not null && File.Exists(existing.Folder.LastCheckpoint))
                    {
                        log($"{cell}: resuming {existing.Folder.Path}");
                        NeuralExperiment.Resume(existing.Folder, data, observe);
                        continue;
                    }
                    log($"{cell}: training");
                    NeuralExperiment.Train(config with { DataFingerprint = null }, data, plan.RunsDirectory, observe);
                }
            }
        }
        return RunRecord.Scan(plan.RunsDirectory);
    }

    /// <summary>The newest run folder whose stored configuration equals <paramref name="config"/>.</summary>
    static RunRecord? FindRun(string runsDirectory, RunConfig config)
    {
        string wanted = JsonSerializer.Serialize(config, RunFolder.Json);
        return RunRecord.Scan(runsDirectory, includeUnfinished: true)
            .Where(r => JsonSerializer.Serialize(r.Config, RunFolder.Json) == wanted)
            .OrderByDescending(r => r.Finished)
            .ThenByDescending(r => r.Folder.Path, StringComparer.Ordinal)
            .FirstOrDefault();
    }
}

/// <summary>Short names of the KL forms for tables and the CLI.</summary>
public static class KlFormNames
{
    public static string Of(KlForm form) => form == KlForm.PerBit ? "per-bit" : "authors";

    public static KlForm Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "per-bit" => KlForm.PerBit,
        "authors" => KlForm.AuthorsFlatSoftmax,
        _ => throw new ArgumentException($"Unknown KL form '{name}'. Use per-bit or authors."),
    };
}
