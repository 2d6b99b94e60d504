using System.Text.Json;
using Doc2Hash.Data;
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
            foreach (var cell in plan.Cells(name))
            {
                var config = cell with { DataFingerprint = fingerprint };
                var existing = FindRun(plan.RunsDirectory, config);
                string label = Describe(config);
                if (existing is { Finished: true })
                {
                    log($"{label}: done in {existing.Folder.Path} (skipped)");
                    continue;
                }
                if (existing is not null)
                {
                    log($"{label}: resuming {existing.Folder.Path}");
                    Experiment.Resume(existing.Folder, data, observe);
                    continue;
                }
                log($"{label}: training");
                Experiment.Train(cell, data, plan.RunsDirectory, observe);
            }
        }
        return RunRecord.Scan(plan.RunsDirectory);
    }

    /// <summary>"ng20 doc2hash 32 bits, KL authors": the cell a log line is about.</summary>
    static string Describe(RunConfig config) =>
        $"{config.Dataset} {config.Method} {config.Bits} bits" + (config.Option(ReproductionPlan.KlFormOption) is { } kl ? $", KL {kl}" : "");

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
