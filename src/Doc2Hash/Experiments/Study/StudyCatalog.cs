using System.Globalization;
using Doc2Hash.Configuration;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Training;

namespace Doc2Hash.Experiments.Study;

/// <summary>
/// The study's view of the method catalog: the main setting of each method and the ablations.
/// <see cref="Resolver"/> turns a <see cref="GridCell"/> into a <see cref="RunConfig"/> through
/// <see cref="MethodCatalog.Configure"/>: the method's preset at the cell's code length, the cell's seed, the profile's
/// epoch budget (methods that have epochs), the study's main options, then the ablation variant's options.
/// </summary>
public static class StudyCatalog
{
    public const string Doc2Hash = Doc2HashMethod.MethodName;
    public const string Doc2HashSupervised = Doc2HashSupervisedMethod.MethodName;
    public const string SeedOption = "seed";
    public const string EpochsOption = "epochs";
    public const string KlFormOption = "kl-form";
    public const string EstimatorOption = "estimator";
    public const string PriorOption = "prior";

    /// <summary>Longest code length a study accepts: every method's limit (2,048 logits per document for Doc2hash).</summary>
    public const int MaxBits = MethodSettings.MaxBits;

    public static IReadOnlyList<string> Methods => MethodCatalog.Names;

    /// <summary>
    /// The study's main options of a method where they differ from the preset. Doc2hash (and Doc2hash-S) use the
    /// authors' flat-softmax KL: the published numbers come from the authors' code, and the per-bit KL at the
    /// authors' weight 2 collapses the posterior (README); the per-bit form is the "kl-form" and "kl-weight" ablations.
    /// </summary>
    public static IReadOnlyDictionary<string, string> MainOptions(string method) => method switch
    {
        Doc2Hash or Doc2HashSupervised => new Dictionary<string, string> { [KlFormOption] = OptionValues.Format(KlForm.AuthorsFlatSoftmax) },
        _ => new Dictionary<string, string>(),
    };

    /// <summary>Supervised methods go to their own table.</summary>
    public static bool IsSupervised(RunConfig config) => MethodCatalog.Get(config.Method).IsSupervised;

    /// <summary>The preset configuration of a run's method at its code length: the reference for "differs from preset".</summary>
    public static RunConfig Preset(RunConfig config) =>
        new(config.Method, config.Dataset, MethodCatalog.Get(config.Method).Preset(config.Bits), config.Device);

    /// <summary>Epochs a run trains for (1 for a method fitted in one pass).</summary>
    public static int Epochs(RunConfig config) => config.Settings is INeuralSettings neural ? neural.Training.Epochs : 1;

    public static void CheckMethod(string method) => MethodCatalog.Get(method);

    /// <summary>The resolver of a profile: cell -> full configuration (without data fingerprint).</summary>
    public static Func<GridCell, RunConfig> Resolver(StudyProfile profile) => cell =>
    {
        var schema = SettingsSchema.Of(MethodCatalog.Get(cell.Method).Preset(cell.Bits));
        var options = new Dictionary<string, string> { [SeedOption] = cell.Seed.ToString(CultureInfo.InvariantCulture) };
        if (profile.Epochs is { } epochs && schema.Find(EpochsOption) is not null) options[EpochsOption] = epochs.ToString(CultureInfo.InvariantCulture);
        foreach (var (name, value) in MainOptions(cell.Method)) options[name] = value;
        if (cell.Ablation is not null)
            foreach (var (name, value) in Ablation(cell.Ablation).Variant(cell.Variant!).Options) options[name] = value;
        return MethodCatalog.Configure(cell.Method, cell.Dataset, cell.Bits, options, profile.Device);
    };

    private static Dictionary<string, string> Options(params (string Name, object Value)[] options) =>
        options.ToDictionary(o => o.Name, o => OptionValues.Format(o.Value));

    /// <summary>
    /// Ablations over shared switches of the same encoder, decoder, trainer and evaluator. Each variant is applied to
    /// the main setting; the first variant of each is the main setting itself (the same run as the main grid's cell).
    /// </summary>
    public static IReadOnlyList<Ablation> Ablations { get; } =
    [
        new("kl-form", "Does the authors' flat-softmax KL beat the per-bit KL to Bernoulli(0.5) at the authors' weight 2?", [Doc2Hash],
        [
            new("authors", "one softmax over all 2L logits (authors' code)", Options((KlFormOption, KlForm.AuthorsFlatSoftmax))),
            new("per-bit", "KL of each bit's posterior to Bernoulli(0.5), summed", Options((KlFormOption, KlForm.PerBit))),
        ]),
        new("kl-weight", "Which weight of the principled per-bit KL is best, and does it match the authors' form?", [Doc2Hash],
        [
            .. new[] { 0.01, 0.1, 0.5, 1.0, 2.0 }.Select(w => new AblationVariant(
                $"per-bit x{w.ToString(CultureInfo.InvariantCulture)}", $"per-bit KL, weight {w.ToString(CultureInfo.InvariantCulture)}",
                Options((KlFormOption, KlForm.PerBit), ("kl-weight", w)))),
        ]),
        new("kl-anneal", "Does annealing the per-bit KL weight from 0 (weight 1) keep bits from collapsing?", [Doc2Hash],
        [
            new("off", "per-bit KL, constant weight 1", Options((KlFormOption, KlForm.PerBit), ("kl-weight", 1.0), ("kl-anneal-steps", 0))),
            new("anneal-5000", "per-bit KL, weight min(1, step / 5000)", Options((KlFormOption, KlForm.PerBit), ("kl-weight", 1.0), ("kl-anneal-steps", 5000))),
        ]),
        new("free-bits", "Do free bits (each bit's batch-mean KL clamped below at lambda nats) keep the per-bit KL (weight 1) from collapsing bits?", [Doc2Hash],
        [
            .. new[] { 0.0, 0.05, 0.25 }.Select(lambda => new AblationVariant(
                $"lambda {lambda.ToString(CultureInfo.InvariantCulture)}", lambda == 0 ? "per-bit KL, weight 1, no free bits" : $"per-bit KL, weight 1, free bits {lambda.ToString(CultureInfo.InvariantCulture)} nats",
                Options((KlFormOption, KlForm.PerBit), ("kl-weight", 1.0), ("free-bits", lambda)))),
        ]),
        new("temperature", "Does the authors' per-step temperature decay matter?", [Doc2Hash],
        [
            new("per-step", "1.0 x0.96 per minibatch, floor 0.1 (authors)", Options()),
            new("per-epoch", "1.0 x0.9 per epoch, floor 0.1", Options(("tau-rate", 0.9), ("tau-every", AnnealEvery.Epoch))),
            new("fixed-1", "fixed at 1.0", Options(("tau-initial", 1.0), ("tau-rate", 1.0))),
            new("fixed-0.5", "fixed at 0.5", Options(("tau-initial", 0.5), ("tau-rate", 1.0))),
        ]),
        new("optimizer", "Does lazy Adam (only the minibatch's input rows updated; 2.5x faster) change the result?", [Doc2Hash],
        [
            new("adam", "Adam on every parameter (authors)", Options(("optimizer", OptimizerKind.Adam))),
            new("lazy-adam", "sparse rows of the input layer updated lazily", Options(("optimizer", OptimizerKind.LazyAdam))),
        ]),
        new("nash-form", "Why does the NASH paper's unweighted lower bound collapse on tf-idf data, and what rescues it: a small KL weight or the Doc2hash authors' deterministic bits?", [NashMethod.MethodName],
        [
            new("preset", "stochastic bits, straight-through, KL weight 0.01 (the kit's NASH)", Options()),
            new("bound", "stochastic bits, KL weight 1 (the paper's unweighted lower bound)", Options(("kl-weight-initial", 1.0), ("kl-weight-max", 1.0))),
            new("bound-anneal", "stochastic bits, KL weight ramped 0 -> 1 by 1/5000 per step (VDSH's ramp)",
                Options(("kl-weight-initial", 0.0), ("kl-weight-increment", 0.0002), ("kl-weight-max", 1.0))),
            new("deterministic-bound", "deterministic bits, KL weight 1", Options(("binarization", BinarySampling.Deterministic), ("kl-weight-initial", 1.0), ("kl-weight-max", 1.0))),
            new("authors", "deterministic bits, KL weight 0.01 (the Doc2hash authors' NASH, whose numbers are the bars)", Options(("binarization", BinarySampling.Deterministic))),
        ]),
        new("estimator", "Which gradient estimator for the binary latent: the authors' straight-through Gumbel-Softmax, the soft relaxed sample, NASH's straight-through Bernoulli, or unbiased ARM?", [Doc2Hash],
        [
            new("st-gumbel", "straight-through Gumbel-Softmax (authors)", Options((EstimatorOption, LatentEstimator.StraightThroughGumbel))),
            new("soft-gumbel", "soft Gumbel-Softmax sample", Options((EstimatorOption, LatentEstimator.SoftGumbel))),
            new("st-bernoulli", "straight-through Bernoulli sample z = 1[u < q] (NASH)", Options((EstimatorOption, LatentEstimator.StraightThroughBernoulli))),
            new("arm", "ARM (Yin and Zhou 2019): unbiased, two antithetic decoder passes", Options((EstimatorOption, LatentEstimator.Arm))),
        ]),
        new("prior", "Does the prior matter: the uniform Bernoulli, a learned Bernoulli per bit, or a VDSH-style Gaussian latent thresholded at training medians?", [Doc2Hash],
        [
            new("uniform", "uniform prior (authors' flat-softmax KL)", Options((PriorOption, LatentPrior.Uniform))),
            new("learned", "learned Bernoulli prior per bit (logits start at 0), same KL form", Options((PriorOption, LatentPrior.Learned))),
            new("gaussian", "N(0, I) latent, reparameterised, codes = mean > training median", Options((PriorOption, LatentPrior.Gaussian))),
        ]),
    ];

    public static Ablation Ablation(string name) =>
        Ablations.FirstOrDefault(a => a.Name == name.Trim().ToLowerInvariant())
        ?? throw new ArgumentException($"Unknown ablation '{name}'. Known ablations: {string.Join(", ", Ablations.Select(a => a.Name))}.");
}
