using Doc2Hash.Configuration;

namespace Doc2Hash.Hashing.Relaxations;

/// <summary>
/// The prior of Doc2hash's latent code (<c>--prior</c>), one switch on the same encoder trunk, decoder, trainer and
/// evaluator (issue 9, the prior ablation).
/// </summary>
public enum LatentPrior
{
    /// <summary>
    /// Bernoulli(1/2) per bit (<see cref="KlForm.PerBit"/>) or, in the authors' flat form, the uniform categorical over
    /// the 2L logits (<see cref="KlForm.AuthorsFlatSoftmax"/>): the paper and the authors' code. <see cref="BernoulliKl"/>.
    /// </summary>
    [OptionName("uniform")]
    Uniform,

    /// <summary>
    /// A continuous N(0, I) latent as VDSH (Chaidaroon and Fang 2017): mean and log-variance from the latent head, a
    /// reparameterised sample in training, the closed-form <see cref="GaussianKl"/>, codes = mean above each
    /// dimension's training median.
    /// </summary>
    [OptionName("gaussian")]
    Gaussian,

    /// <summary>
    /// A learned Bernoulli per bit, p_j = sigmoid(theta_j), with L prior logits theta learned with the rest (initial 0 =
    /// the uniform prior). <see cref="LearnedBernoulliPrior"/>.
    /// </summary>
    [OptionName("learned")]
    Learned,
}
