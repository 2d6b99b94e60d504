using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Study;

namespace Doc2Hash.Reporting.Tables;

/// <summary>
/// Which tables the study has, built from merged run records: per profile and dataset, the main unsupervised and
/// supervised tables (rows = the profile's methods in their main setting, columns = code lengths) and one table per
/// ablation (rows = variants, at the ablation code length); and, independent of any profile, per dataset a table of
/// every setting found (rows = method x the hyperparameters that differ from its preset).
/// A run belongs to a profile row when its configuration, seed and data aside, equals the one the profile resolves
/// for that row (<see cref="RunKey.OfSetting"/>).
/// </summary>
public static class StudyTables
{
    public static IReadOnlyList<ResultTable> ForProfile(StudyProfile profile, IReadOnlyList<RunRecord> runs)
    {
        ArgumentNullException.ThrowIfNull(profile);
        var resolve = StudyCatalog.Resolver(profile);
        var tables = new List<ResultTable>();
        foreach (var dataset in Datasets(runs))
        {
            RowDefinition Row(string label, string method, string? ablation, string? variant)
            {
                var sample = resolve(new GridCell(method, dataset.Key, profile.AblationBits, 1, ablation, variant));
                return new RowDefinition(label, Settings(sample), r => r.Config.Method == method
                    && RunKey.OfSetting(r.Config) == RunKey.OfSetting(resolve(new GridCell(method, dataset.Key, r.Config.Bits, r.Config.Seed, ablation, variant))));
            }
            string prefix = $"Profile '{profile.Name}'" + (profile.Epochs is { } e ? $" ({e} epochs per run)." : " (each method's preset epochs).");
            foreach (bool supervised in new[] { false, true })
            {
                var methods = profile.Methods.Where(m => StudyCatalog.IsSupervised(resolve(new GridCell(m, dataset.Key, profile.AblationBits, 1))) == supervised);
                var kind = supervised ? "supervised" : "unsupervised";
                tables.Add(ResultTableBuilder.Build($"{profile.Name}/{dataset.Key}-{kind}", dataset.Key,
                    $"{dataset.Key}: {kind} methods, test precision@100 ({profile.Name} profile)", "method",
                    [.. methods.Select(m => Row(m, m, null, null))], dataset.ToList(), captionPrefix: prefix));
            }
            foreach (var ablation in profile.Ablations.Select(StudyCatalog.Ablation))
            {
                var methods = ablation.Methods.Where(profile.Methods.Contains).ToList();
                var rows = methods.SelectMany(m => ablation.Variants.Select(v => Row(methods.Count > 1 ? $"{m}: {v.Name}" : v.Name, m, ablation.Name, v.Name))).ToList();
                var table = ResultTableBuilder.Build($"{profile.Name}/{dataset.Key}-ablation-{ablation.Name}", dataset.Key,
                    $"{dataset.Key}: ablation '{ablation.Name}' ({profile.Name} profile, {profile.AblationBits} bits): {ablation.Question}", "variant",
                    rows, dataset.ToList(), [profile.AblationBits], prefix);
                if (table.Rows.Count >= 2) tables.Add(table);   // the baseline variant alone compares nothing
            }
        }
        return [.. tables.Where(t => t.Rows.Count > 0)];
    }

    /// <summary>Per dataset, every (method, settings) found in the records, whichever command produced them.</summary>
    public static IReadOnlyList<ResultTable> EverySetting(IReadOnlyList<RunRecord> runs) =>
    [
        .. Datasets(runs).Select(dataset =>
        {
            var rows = dataset.Select(r => (r.Config.Method, Settings: Settings(r.Config))).Distinct().OrderBy(r => r.Method, StringComparer.Ordinal).ThenBy(r => r.Settings, StringComparer.Ordinal)
                .Select(k => new RowDefinition(k.Method, k.Settings, r => r.Config.Method == k.Method && Settings(r.Config) == k.Settings)).ToList();
            return ResultTableBuilder.Build($"{dataset.Key}-every-setting", dataset.Key,
                $"{dataset.Key}: every method and setting in the run records, test precision@100", "method", rows, dataset.ToList(),
                captionPrefix: "All finished runs, whichever command produced them; settings list every hyperparameter that differs from the method's preset.");
        }),
    ];

    /// <summary>Every hyperparameter of <paramref name="config"/> that differs from its method's preset.</summary>
    public static string Settings(RunConfig config) =>
        StudyCatalog.Preset(config) is { } preset ? ConfigDifferences.Describe(ConfigDifferences.Between(preset, config)) : "(no preset for this method)";

    private static IEnumerable<IGrouping<string, RunRecord>> Datasets(IReadOnlyList<RunRecord> runs) =>
        runs.Where(r => r.Finished).GroupBy(r => r.Config.Dataset, StringComparer.Ordinal).OrderBy(g => g.Key, StringComparer.Ordinal);
}
