namespace Doc2Hash.Hashing.Relaxations;

/// <summary>The gradient estimators for Bernoulli latents the kit implements (each one file, see <see cref="BernoulliEstimators.Create"/>).</summary>
public enum BernoulliEstimator
{
    /// <summary>Score function (Williams 1992) without a baseline: unbiased, high variance. <see cref="ReinforceEstimator"/>.</summary>
    Reinforce,

    /// <summary>Score function with the leave-one-out baseline over the S samples (needs S &gt;= 2): unbiased. <see cref="ReinforceEstimator"/>.</summary>
    ReinforceLeaveOneOut,

    /// <summary>Score function with a moving average of past losses as baseline: unbiased, works with S = 1. <see cref="ReinforceEstimator"/>.</summary>
    ReinforceMovingAverage,

    /// <summary>Augment-REINFORCE-Merge (Yin and Zhou, ICLR 2019): unbiased, antithetic uniform pairs. <see cref="ArmEstimator"/>.</summary>
    Arm,

    /// <summary>Straight-through Bernoulli (as NASH, Shen et al. 2018): hard sample forward, identity to q backward. Biased.</summary>
    StraightThroughBernoulli,

    /// <summary>Soft Gumbel-Softmax (binary concrete) at a temperature: the loss sees relaxed codes. Biased.</summary>
    GumbelSoftmaxSoft,

    /// <summary>Straight-through Gumbel-Softmax (Doc2hash): hard forward, soft-sample gradient backward. Biased.</summary>
    GumbelSoftmaxStraightThrough,
}

/// <summary>Names (for the CLI and tables) and construction of the <see cref="BernoulliEstimator"/>s.</summary>
public static class BernoulliEstimators
{
    /// <summary>Every estimator, in the order tables list them (unbiased first).</summary>
    public static IReadOnlyList<BernoulliEstimator> All { get; } = Enum.GetValues<BernoulliEstimator>();

    private static readonly Dictionary<BernoulliEstimator, string> Names = new()
    {
        [BernoulliEstimator.Reinforce] = "reinforce",
        [BernoulliEstimator.ReinforceLeaveOneOut] = "reinforce-loo",
        [BernoulliEstimator.ReinforceMovingAverage] = "reinforce-ema",
        [BernoulliEstimator.Arm] = "arm",
        [BernoulliEstimator.StraightThroughBernoulli] = "st-bernoulli",
        [BernoulliEstimator.GumbelSoftmaxSoft] = "gs-soft",
        [BernoulliEstimator.GumbelSoftmaxStraightThrough] = "gs-st",
    };

    /// <summary>The short name used on the command line and in tables (e.g. "arm", "gs-st").</summary>
    public static string Name(BernoulliEstimator estimator) => Names[estimator];

    /// <summary>Parses a short name; the error lists the valid ones.</summary>
    public static BernoulliEstimator Parse(string name) =>
        Names.FirstOrDefault(kv => string.Equals(kv.Value, name, StringComparison.OrdinalIgnoreCase)) is { Value: not null } match
            ? match.Key
            : throw new ArgumentException($"Unknown estimator '{name}'. Valid: {string.Join(", ", Names.Values)}.", nameof(name));

    /// <summary>True for the unbiased estimators (score function and ARM), whose mean is the exact gradient.</summary>
    public static bool IsUnbiased(BernoulliEstimator estimator) => estimator <= BernoulliEstimator.Arm;

    /// <summary>True for the estimators whose behaviour depends on the temperature (the Gumbel-Softmax pair).</summary>
    public static bool UsesTemperature(BernoulliEstimator estimator) =>
        estimator is BernoulliEstimator.GumbelSoftmaxSoft or BernoulliEstimator.GumbelSoftmaxStraightThrough;

    /// <summary>The smallest number of samples per position the estimator accepts (2 for the leave-one-out baseline).</summary>
    public static int MinimumSamples(BernoulliEstimator estimator) => estimator == BernoulliEstimator.ReinforceLeaveOneOut ? 2 : 1;

    /// <summary>A new estimator (stateful ones start fresh).</summary>
    public static IGradientEstimator Create(BernoulliEstimator estimator) => estimator switch
    {
        BernoulliEstimator.Reinforce => new ReinforceEstimator(ReinforceBaseline.None),
        BernoulliEstimator.ReinforceLeaveOneOut => new ReinforceEstimator(ReinforceBaseline.LeaveOneOut),
        BernoulliEstimator.ReinforceMovingAverage => new ReinforceEstimator(ReinforceBaseline.MovingAverage),
        BernoulliEstimator.Arm => new ArmEstimator(),
        BernoulliEstimator.StraightThroughBernoulli => new StraightThroughBernoulliEstimator(),
        BernoulliEstimator.GumbelSoftmaxSoft => new GumbelSoftmaxEstimator(GumbelMode.Soft),
        BernoulliEstimator.GumbelSoftmaxStraightThrough => new GumbelSoftmaxEstimator(GumbelMode.StraightThrough),
        _ => throw new ArgumentOutOfRangeException(nameof(estimator), estimator, "Unknown estimator."),
    };
}
