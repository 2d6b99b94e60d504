using Doc2Hash.Hashing.Neural;
using Doc2Hash.Hashing.Relaxations;

namespace Doc2Hash.Experiments;

/// <summary>
/// What `doc2hash reproduce` trains: every (dataset, KL form, bit length) with the authors' preset, one seed,
/// model selection on validation, within an epoch budget. Defaults: the paper's two headline corpora, four code
/// lengths, both KL forms (the per-bit default and the authors' code variant: an ablation), 30 epochs.
/// </summary>
public sealed record ReproductionPlan
{
    /// <summary>Registered dataset names (or user corpus paths / .mat files).</summary>
    public IReadOnlyList<string> Datasets { get; init; } = ["ng20", "reuters"];

    /// <summary>Code lengths in bits.</summary>
    public IReadOnlyList<int> Bits { get; init; } = [16, 32, 64, 128];

    /// <summary>KL forms to compare; the preset's default is per-bit.</summary>
    public IReadOnlyList<KlForm> KlForms { get; init; } = [KlForm.AuthorsFlatSoftmax, KlForm.PerBit];

    /// <summary>Method: doc2hash or doc2hash-s.</summary>
    public string Method { get; init; } = Doc2HashPresets.Doc2HashMethod;

    /// <summary>Epoch budget per run (the authors trained 100; 30 keeps the whole plan under an hour on 2 cores).</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>The one seed of every run.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Torch device: cpu, cuda, cuda:N or auto.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Where run folders go (runs/&lt;dataset&gt;/&lt;run&gt;).</summary>
    public string RunsDirectory { get; init; } = "runs";

    /// <summary>Where the generated tables go.</summary>
    public string ResultsDirectory { get; init; } = "results";

    /// <summary>The run configuration of one cell of the plan.</summary>
    public RunConfig ConfigFor(string dataset, int bits, KlForm klForm)
    {
        var preset = Doc2HashPresets.For(Method, bits);
        return RunConfig.From(preset, dataset) with
        {
            Device = Device,
            Model = preset.Model with { KlForm = klForm },
            Training = preset.Training with { Epochs = Epochs, Seed = Seed },
        };
    }
}
