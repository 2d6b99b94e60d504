using Doc2Hash.Configuration;

namespace Doc2Hash.Hashing.Relaxations;

/// <summary>
/// How Doc2hash's binary latent is sampled in training and how the reconstruction's gradient reaches the encoder's
/// logits (<c>--estimator</c>; issue 9, the estimator ablation). Each bit's posterior is q_j = softmax(l_j)[1] =
/// sigmoid(l_j1 - l_j0) whatever the estimator, and the KL term keeps its analytic gradient. JSON keeps the member
/// names; run folders written when this switch was <c>Sampling</c> (a <see cref="GumbelMode"/>) are upgraded on read
/// (Experiments/LegacyRunConfig.cs).
/// </summary>
public enum LatentEstimator
{
    /// <summary>Straight-through Gumbel-Softmax: one-hot forward, soft-sample gradient (the authors; <see cref="GumbelSoftmax"/>).</summary>
    [OptionName("st-gumbel")]
    StraightThroughGumbel,

    /// <summary>The soft Gumbel-Softmax sample itself: relaxed codes in training (<see cref="GumbelMode.Soft"/>).</summary>
    [OptionName("soft-gumbel")]
    SoftGumbel,

    /// <summary>
    /// Straight-through Bernoulli as NASH (Shen et al. 2018): z = 1[u &lt; q], u ~ U[0, 1), backward dz/dq = 1
    /// (<see cref="StraightThroughBernoulli"/>). No temperature.
    /// </summary>
    [OptionName("st-bernoulli")]
    StraightThroughBernoulli,

    /// <summary>
    /// ARM (Yin and Zhou 2019): unbiased, from two antithetic decoder evaluations per document
    /// (<see cref="ArmEstimator"/>); the decoder learns from the sample 1[u &lt; q]. No temperature.
    /// </summary>
    [OptionName("arm")]
    Arm,
}

/// <summary>Properties of the <see cref="LatentEstimator"/>s.</summary>
public static class LatentEstimators
{
    /// <summary>True for the Gumbel-Softmax pair, the only estimators that read the temperature schedule.</summary>
    public static bool UsesTemperature(LatentEstimator estimator) =>
        estimator is LatentEstimator.StraightThroughGumbel or LatentEstimator.SoftGumbel;
}
