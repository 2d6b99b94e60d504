using Doc2Hash.Configuration;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Hashing.Relaxations;

namespace Doc2Hash.Experiments;

/// <summary>
/// What `doc2hash reproduce` runs: every (dataset, method, KL form, bit length) with the method's preset, one seed,
/// model selection on validation, within an epoch budget. Defaults: the paper's two headline corpora, Doc2hash at
/// four code lengths with both KL forms (the per-bit default and the authors' code variant: an ablation), 30 epochs.
/// Settings a method does not have (a KL form for VDSH, epochs for LSH) are simply not applied to it.
/// </summary>
public sealed record ReproductionPlan
{
    public const string KlFormOption = "kl-form";
    public const string EpochsOption = "epochs";
    public const string SeedOption = "seed";

    /// <summary>Registered dataset names (or user corpus paths / .mat files).</summary>
    public IReadOnlyList<string> Datasets { get; init; } = ["ng20", "reuters"];

    /// <summary>Catalog methods (`doc2hash methods`).</summary>
    public IReadOnlyList<string> Methods { get; init; } = [Doc2HashMethod.MethodName];

    /// <summary>Code lengths in bits.</summary>
    public IReadOnlyList<int> Bits { get; init; } = [16, 32, 64, 128];

    /// <summary>KL forms to compare, for methods with a KL-form option (Doc2hash); the preset's default is per-bit.</summary>
    public IReadOnlyList<KlForm> KlForms { get; init; } = [KlForm.AuthorsFlatSoftmax, KlForm.PerBit];

    /// <summary>Epoch budget per neural run (Doc2hash's authors trained 100; 30 keeps the default plan under an hour on 2 cores).</summary>
    public int Epochs { get; init; } = 30;

    /// <summary>The one seed of every run.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Torch device: cpu, cuda, cuda:N or auto.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>Where run folders go (runs/&lt;dataset&gt;/&lt;run&gt;).</summary>
    public string RunsDirectory { get; init; } = "runs";

    /// <summary>Where the generated tables go.</summary>
    public string ResultsDirectory { get; init; } = "results";

    /// <summary>Every run configuration of <paramref name="dataset"/>, in plan order (method, KL form, bits).</summary>
    public IEnumerable<RunConfig> Cells(string dataset)
    {
        foreach (string method in Methods)
        {
            var schema = SettingsSchema.Of(MethodCatalog.Get(method).Preset(Bits.FirstOrDefault(32)));
            IEnumerable<KlForm?> klForms = schema.Find(KlFormOption) is null ? [null] : KlForms.Select(f => (KlForm?)f);
            foreach (var klForm in klForms)
                foreach (int bits in Bits)
                    yield return ConfigFor(method, dataset, bits, klForm);
        }
    }

    /// <summary>The run configuration of one cell: the preset with the plan's seed, epoch budget and KL form where the method has them.</summary>
    public RunConfig ConfigFor(string method, string dataset, int bits, KlForm? klForm = null)
    {
        var schema = SettingsSchema.Of(MethodCatalog.Get(method).Preset(bits));
        var options = new Dictionary<string, string> { [SeedOption] = OptionValues.Format(Seed) };
        if (schema.Find(EpochsOption) is not null) options[EpochsOption] = OptionValues.Format(Epochs);
        if (klForm is { } form) options[KlFormOption] = OptionValues.Format(form);
        return MethodCatalog.Configure(method, dataset, bits, options, Device);
    }
}
