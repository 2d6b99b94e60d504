using Doc2Hash.Hashing.Neural;
using Doc2Hash.Hashing.Relaxations;

namespace Doc2Hash.Experiments.Study;

/// <summary>
/// The study's methods, their main configuration and the ablations: the one place that knows method settings.
/// <see cref="Resolver"/> turns a <see cref="GridCell"/> into a <see cref="RunConfig"/>: the method's preset at the
/// cell's code length, the profile's epoch budget and device, the cell's seed, the study's main setting of the method,
/// then the ablation variant, if any.
/// </summary>
public static class StudyCatalog
{
    public const string Doc2Hash = Doc2HashPresets.Doc2HashMethod;
    public const string Doc2HashSupervised = Doc2HashPresets.Doc2HashSupervisedMethod;

    /// <summary>Longest code length a study accepts (2,048 logits per document for Doc2hash).</summary>
    public const int MaxBits = 1024;

    public static IReadOnlyList<string> Methods { get; } = Doc2HashPresets.Methods;

    /// <summary>
    /// The study's main setting of a method where it differs from the preset. Doc2hash's main row uses the authors'
    /// flat-softmax KL: the published numbers come from the authors' code, and the per-bit KL at the authors' weight 2
    /// collapses the posterior (README); the per-bit form is the "kl-form" and "kl-weight" ablations.
    /// </summary>
    public static RunConfig MainSetting(RunConfig config) => config.Method switch
    {
        Doc2Hash or Doc2HashSupervised => config with { Model = config.Model with { KlForm = KlForm.AuthorsFlatSoftmax } },
        _ => config,
    };

    /// <summary>Supervised methods go to their own table.</summary>
    public static bool IsSupervised(RunConfig config) => config.LabelHead is not null;

    /// <summary>The preset configuration of a run's method at its code length: the reference for "differs from preset".</summary>
    public static RunConfig? Preset(RunConfig config) =>
        Methods.Contains(config.Method) ? RunConfig.From(Doc2HashPresets.For(config.Method, config.Bits), config.Dataset) : null;

    public static void CheckMethod(string method)
    {
        if (!Methods.Contains(method))
            throw new ArgumentException($"Unknown method '{method}'. Known methods: {string.Join(", ", Methods)}.");
    }

    /// <summary>The resolver of a profile: cell -> full configuration (without data fingerprint).</summary>
    public static Func<GridCell, RunConfig> Resolver(StudyProfile profile) => cell =>
    {
        CheckMethod(cell.Method);
        var preset = RunConfig.From(Doc2HashPresets.For(cell.Method, cell.Bits), cell.Dataset);
        var config = MainSetting(preset with
        {
            Device = profile.Device,
            Training = preset.Training with { Epochs = profile.Epochs ?? preset.Training.Epochs, Seed = cell.Seed, ShowProgress = false },
        });
        return cell.Ablation is null ? config : Ablation(cell.Ablation).Variant(cell.Variant!).Apply(config);
    };

    /// <summary>
    /// Ablations over shared switches of the same encoder, decoder, trainer and evaluator. Each variant is applied to
    /// the main setting; the first variant of each is the main setting itself (the same run as the main grid's cell).
    /// </summary>
    public static IReadOnlyList<Ablation> Ablations { get; } =
    [
        new("kl-form", "Does the authors' flat-softmax KL beat the per-bit KL to Bernoulli(0.5) at the authors' weight 2?", [Doc2Hash],
        [
            new("authors", "one softmax over all 2L logits (authors' code)", c => WithModel(c, m => m with { KlForm = KlForm.AuthorsFlatSoftmax })),
            new("per-bit", "KL of each bit's posterior to Bernoulli(0.5), summed", c => WithModel(c, m => m with { KlForm = KlForm.PerBit })),
        ]),
        new("kl-weight", "Which weight of the principled per-bit KL is best, and does it match the authors' form?", [Doc2Hash],
        [
            .. new[] { 0.01, 0.1, 0.5, 1.0, 2.0 }.Select(w => new AblationVariant(
                $"per-bit x{w.ToString(System.Globalization.CultureInfo.InvariantCulture)}", $"per-bit KL, weight {w}",
                c => WithModel(c, m => m with { KlForm = KlForm.PerBit, KlWeight = w }))),
        ]),
        new("temperature", "Does the authors' per-step temperature decay matter?", [Doc2Hash],
        [
            new("per-step", "1.0 x0.96 per minibatch, floor 0.1 (authors)", c => c),
            new("per-epoch", "1.0 x0.9 per epoch, floor 0.1", c => WithModel(c, m => m with { Temperature = m.Temperature with { Rate = 0.9, Every = AnnealEvery.Epoch } })),
            new("fixed-1", "fixed at 1.0", c => WithModel(c, m => m with { Temperature = m.Temperature with { Initial = 1.0, Rate = 1.0 } })),
            new("fixed-0.5", "fixed at 0.5", c => WithModel(c, m => m with { Temperature = m.Temperature with { Initial = 0.5, Rate = 1.0 } })),
        ]),
        new("estimator", "Straight-through or soft Gumbel-Softmax samples into the decoder?", [Doc2Hash],
        [
            new("st-gumbel", "straight-through Gumbel-Softmax (authors)", c => WithModel(c, m => m with { Sampling = GumbelMode.StraightThrough })),
            new("soft-gumbel", "soft Gumbel-Softmax sample", c => WithModel(c, m => m with { Sampling = GumbelMode.Soft })),
        ]),
    ];

    public static Ablation Ablation(string name) =>
        Ablations.FirstOrDefault(a => a.Name == name.Trim().ToLowerInvariant())
        ?? throw new ArgumentException($"Unknown ablation '{name}'. Known ablations: {string.Join(", ", Ablations.Select(a => a.Name))}.");

    private static RunConfig WithModel(RunConfig config, Func<Doc2HashConfig, Doc2HashConfig> change) => config with { Model = change(config.Model) };
}
