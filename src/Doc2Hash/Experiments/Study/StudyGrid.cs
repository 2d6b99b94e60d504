namespace Doc2Hash.Experiments.Study;

/// <summary>
/// Expands a profile into its runs: the main grid (datasets x methods x bits x seeds), then every ablation's variants
/// (datasets x the ablation's methods that the profile runs x variants x seeds) at the ablation code length. Each
/// cell is resolved to a configuration with its dataset's fingerprint and keyed by <see cref="RunKey"/>; cells with
/// identical configurations become one run (the first cell, the others as aliases).
/// </summary>
public static class StudyGrid
{
    /// <summary>Every cell in order: dataset by dataset, main grid first, then ablations.</summary>
    public static IReadOnlyList<GridCell> Cells(StudyProfile profile)
    {
        ArgumentNullException.ThrowIfNull(profile);
        profile.Validate();
        var cells = new List<GridCell>();
        foreach (string dataset in profile.Datasets)
        {
            foreach (string method in profile.Methods)
                foreach (int bits in profile.Bits)
                    foreach (int seed in profile.Seeds)
                        cells.Add(new GridCell(method, dataset, bits, seed));
            foreach (var ablation in profile.Ablations.Select(StudyCatalog.Ablation))
                foreach (string method in ablation.Methods.Where(profile.Methods.Contains))
                    foreach (var variant in ablation.Variants)
                        foreach (int seed in profile.Seeds)
                            cells.Add(new GridCell(method, dataset, profile.AblationBits, seed, ablation.Name, variant.Name));
        }
        return cells;
    }

    /// <summary>
    /// The distinct runs of the cells: <paramref name="resolve"/> gives each cell's configuration,
    /// <paramref name="fingerprint"/> its dataset's data fingerprint (called once per dataset).
    /// </summary>
    public static IReadOnlyList<PlannedRun> Plan(IReadOnlyList<GridCell> cells, Func<GridCell, RunConfig> resolve, Func<string, string?> fingerprint)
    {
        ArgumentNullException.ThrowIfNull(cells);
        ArgumentNullException.ThrowIfNull(resolve);
        ArgumentNullException.ThrowIfNull(fingerprint);
        var fingerprints = new Dictionary<string, string?>(StringComparer.Ordinal);
        var runs = new List<(GridCell Cell, RunConfig Config, string Key, List<GridCell> Aliases)>();
        var byKey = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var cell in cells)
        {
            if (!fingerprints.TryGetValue(cell.Dataset, out var data)) fingerprints[cell.Dataset] = data = fingerprint(cell.Dataset);
            var config = resolve(cell) with { DataFingerprint = data };
            string key = RunKey.Of(config);
            if (byKey.TryGetValue(key, out int index)) runs[index].Aliases.Add(cell);
            else
            {
                byKey[key] = runs.Count;
                runs.Add((cell, config, key, []));
            }
        }
        return [.. runs.Select(r => new PlannedRun(r.Cell, r.Config, r.Key, r.Aliases))];
    }
}
