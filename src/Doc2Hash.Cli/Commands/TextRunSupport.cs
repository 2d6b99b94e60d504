using Doc2Hash.Data;
using Doc2Hash.Experiments;

namespace Doc2Hash.Cli.Commands;

/// <summary>What index build, search and hash share: the run's dataset as prepared by the catalog, and its text model.</summary>
internal static class TextRunSupport
{
    /// <summary>
    /// Loads the run's dataset (or <paramref name="datasetOverride"/>) through the catalog, with the default
    /// preprocessing every CLI command uses, and makes sure the run has its text model (created and saved if missing;
    /// a different dataset is refused).
    /// </summary>
    public static (PreparedDataset Prepared, RunTextModel Text) Load(RunFolder run, string? datasetOverride)
    {
        string name = datasetOverride ?? run.ReadConfig().Dataset;
        if (name is NeuralRunSupport.SyntheticSmall or NeuralRunSupport.Synthetic20NgScale)
            throw new InvalidOperationException($"Run '{run.Path}' was trained on the synthetic corpus '{name}', which has no text; hash text with a run trained on a real corpus.");
        var prepared = DataCommand.Load(name, DataOptions.Default, rebuild: false);
        var text = RunTextModel.Ensure(run, prepared, DatasetCatalog.DefaultConfig(name));
        return (prepared, text);
    }

    /// <summary>The raw training documents behind the dataset (for previews), or null for a VDSH .mat file, which has none.</summary>
    public static IReadOnlyList<RawDocument>? RawTraining(string name) =>
        name.EndsWith(".mat", StringComparison.OrdinalIgnoreCase) ? null : CorpusLoader.LoadRaw(name, DataOptions.Default).Corpus.Train;
}
