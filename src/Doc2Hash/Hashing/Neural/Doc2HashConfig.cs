using System.ComponentModel;
using Doc2Hash.Configuration;
using Doc2Hash.Hashing.Relaxations;

namespace Doc2Hash.Hashing.Neural;

/// <summary>
/// The Doc2hash model's own settings on top of <see cref="NeuralModelConfig"/>: the KL term, the prior, and the
/// gradient estimator of the binary latent (Gumbel-Softmax by default). Defaults are the authors' unsupervised Doc2hash (train_gumble.py, models/VDSH_gubel.py); the
/// method presets (Experiments/Methods/Doc2HashMethod.cs) name every value with its source.
/// </summary>
public sealed record Doc2HashConfig : NeuralModelConfig
{
    [Description("Weight of the KL term in the loss: constant, or the value --kl-anneal-steps ramps up to from 0.")]
    public double KlWeight { get; init; } = 2.0;

    [Description("KL form: per-bit (each bit's 2-class posterior; principled) or authors (one softmax over all 2L logits, as the authors' code; an ablation); against the uniform or, with --prior learned, the learned prior.")]
    public KlForm KlForm { get; init; } = KlForm.PerBit;

    [Description("KL annealing from 0: the KL weight is min(1, step / N) x --kl-weight at 0-based minibatch step (0 = off, a constant weight as the authors).")]
    public long KlAnnealSteps { get; init; }

    [Description("Free bits (Kingma et al. 2016): each bit's KL, averaged over the minibatch, is clamped below at this many nats, 0 <= lambda < ln 2 (0 = off, the authors). Per-bit KL form only.")]
    public double FreeBits { get; init; }

    [Description("Gumbel-Softmax temperature schedule.")]
    [OptionPrefix("tau")]
    public TemperatureSchedule Temperature { get; init; } = new();

    [Description("Gradient estimator of the binary latent: st-gumbel (straight-through Gumbel-Softmax; the authors), soft-gumbel (the relaxed sample), st-bernoulli (NASH's straight-through Bernoulli) or arm (Yin and Zhou 2019: unbiased, two decoder passes). Only the Gumbel pair reads --tau-*.")]
    public LatentEstimator Estimator { get; init; } = LatentEstimator.StraightThroughGumbel;

    [Description("Prior of the latent code: uniform (Bernoulli(1/2) per bit, or the authors' flat form; the authors), learned (a learned Bernoulli per bit, logits start at 0; works with either --kl-form) or gaussian (a VDSH-style N(0, I) latent, codes = mean above the training median; --kl-form and --tau-* are not used).")]
    public LatentPrior Prior { get; init; } = LatentPrior.Uniform;

    public override void Validate()
    {
        base.Validate();
        if (KlWeight < 0) throw new ArgumentException($"--kl-weight must not be negative (got {KlWeight}).");
        if (KlAnnealSteps < 0) throw new ArgumentException($"--kl-anneal-steps must not be negative (got {KlAnnealSteps}; 0 turns annealing off).");
        if (!double.IsFinite(FreeBits) || FreeBits < 0 || FreeBits >= Math.Log(2))
            throw new ArgumentException($"--free-bits must be a number of nats in [0, ln 2 = 0.693) (got {FreeBits}): a bit's KL to Bernoulli(1/2) never exceeds ln 2, so a larger floor would remove the whole KL gradient; 0 turns free bits off.");
        if (FreeBits > 0 && KlForm != KlForm.PerBit)
            throw new ArgumentException($"--free-bits {FreeBits} needs --kl-form per-bit: the authors' flat-softmax KL is one softmax over all 2L logits and has no per-bit terms to clamp. Use --kl-form per-bit or --free-bits 0.");
        if (!Enum.IsDefined(Prior) || !Enum.IsDefined(Estimator) || !Enum.IsDefined(KlForm))
            throw new ArgumentException($"Unknown Prior {(int)Prior}, Estimator {(int)Estimator} or KlForm {(int)KlForm}.");
        if (FreeBits > 0 && Prior != LatentPrior.Uniform)
            throw new ArgumentException($"--free-bits {FreeBits} needs --prior uniform: free bits clamp each bit's KL to Bernoulli(1/2), and --prior {OptionValues.Format(Prior)} has another KL. Use --prior uniform or --free-bits 0.");
        if (Prior == LatentPrior.Gaussian && Estimator != LatentEstimator.StraightThroughGumbel)
            throw new ArgumentException($"--estimator {OptionValues.Format(Estimator)} has no meaning with --prior gaussian: the Gaussian latent is continuous and trained by reparameterisation (z = mean + sigma * eps), there are no bits to estimate a gradient for. Leave --estimator at its default (st-gumbel) or use --prior uniform or learned.");
        Temperature.Validate("--tau");
    }

    /// <summary>
    /// The KL weight at 0-based global step t: --kl-weight, or with annealing (--kl-anneal-steps N &gt; 0) --kl-weight
    /// times the <see cref="WeightRamp"/> 0, 1/N, 2/N, ... capped at 1 (VDSH's and NASH's ramp, from 0 to 1 over N steps).
    /// </summary>
    public double KlWeightAt(long step) =>
        KlAnnealSteps == 0 ? KlWeight : KlWeight * new WeightRamp { Initial = 0, Increment = 1.0 / KlAnnealSteps, Max = 1 }.At(step);
}

/// <summary>
/// The label head of a supervised method (Doc2hash-S, VDSH-S, VDSH-SP, NASH-S): a Linear(code, classes) whose loss
/// weight ramps linearly from 0, min(t * WeightStep, MaxWeight) at step t (the authors' Doc2hash-S: +0.003 per step up
/// to 150, incremented after each step).
/// </summary>
public sealed record LabelHeadConfig
{
    [Description("Increase of the label-loss weight per minibatch (the weight starts at 0).")]
    [OptionName("label-weight-step")]
    public double WeightStep { get; init; } = 0.003;

    [Description("Largest label-loss weight.")]
    [OptionName("label-weight-max")]
    public double MaxWeight { get; init; } = 150.0;

    /// <summary>The weight used at 0-based global step t: min(t * WeightStep, MaxWeight), as the authors' increment-after-step.</summary>
    public double WeightAt(long step) => Math.Min(step * WeightStep, MaxWeight);
}
