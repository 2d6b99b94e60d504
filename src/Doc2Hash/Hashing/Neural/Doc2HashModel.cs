using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Text;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Neural;

/// <summary>
/// Doc2hash (Zhang and Zhu, NAACL 2019): a VAE whose latent is L binary variables, relaxed with Gumbel-Softmax.
/// Encoder trunk (<see cref="EncoderTrunk"/>) -> Linear(H, 2L) viewed as (B, L, 2) logits; decoder Linear(2L, V) ->
/// log-softmax; loss = reconstruction + KlWeight * KL (the authors' train_gumble.py). Opt-in ablations, each one
/// switch on the same trunk, decoder and trainer: KL annealing (<see cref="Doc2HashConfig.KlAnnealSteps"/>), free bits
/// (<see cref="Doc2HashConfig.FreeBits"/>), the gradient estimator (<see cref="Doc2HashConfig.Estimator"/>) and the
/// prior (<see cref="Doc2HashConfig.Prior"/>):
/// <list type="bullet">
/// <item>learned: L prior logits theta (a parameter, initial 0), KL to Bernoulli(sigmoid(theta_j)) per bit
/// (<see cref="LearnedBernoulliPrior"/>);</item>
/// <item>gaussian: the same Linear(H, 2L) head read as (mean, log-variance) per dimension (the unbounded log-variance
/// of Kingma and Welling 2014, not the VDSH port's sigmoid, which keeps every variance in (1, e), never below the
/// prior's), z = mean + exp(logvar / 2) eps, decoder Linear(L, V) (the binary decoder Linear(2L, V) on one-hot pairs
/// [1 - z, z] is the same family: W [1 - z, z] = (W1 - W0) z + W0 1), <see cref="GaussianKl"/>, and codes
/// 1[mean_j &gt; training median of mean_j] as VDSH (<see cref="VdshModel"/>), the medians a buffer saved with the
/// weights and recomputed after each epoch.</item>
/// </list>
/// </summary>
public sealed class Doc2HashModel : BagOfWordsHasher
{
    private readonly Linear toLogits;
    private readonly Linear decoder;
    private readonly Parameter? priorLogits;   // (L), learned prior only
    private readonly Tensor? medians;          // (L), Gaussian prior only: the code thresholds, a buffer saved with the weights

    /// <summary>Builds the model on <paramref name="device"/> (CPU by default); equal seeds give equal initial weights.</summary>
    public Doc2HashModel(Doc2HashConfig config, int vocabularySize, int seed = 1, Device? device = null)
        : base(nameof(Doc2HashModel), config, vocabularySize, seed, device)
    {
        Config = config;
        toLogits = NewLinear(config.HiddenSize, 2L * config.Bits);
        decoder = NewLinear(CodeWidth, vocabularySize);
        if (config.Prior == LatentPrior.Learned) priorLogits = new Parameter(zeros(config.Bits, device: Device));
        if (config.Prior == LatentPrior.Gaussian) medians = zeros(config.Bits, device: Device);
        CompleteConstruction();
    }

    public Doc2HashConfig Config { get; }
    public override string Name => "doc2hash";

    private bool IsGaussian => Config.Prior == LatentPrior.Gaussian;

    /// <summary>Width of the code the decoder (and Doc2hash-S's label head) reads: 2L one-hot pairs, or L for the Gaussian z.</summary>
    public int CodeWidth => IsGaussian ? Config.Bits : 2 * Config.Bits;

    /// <summary>The learned prior's logits theta (L), p_j = sigmoid(theta_j); null unless the prior is learned.</summary>
    public Tensor? PriorLogits => priorLogits;

    /// <summary>The Gaussian prior's code thresholds (L), the training medians of the latent mean; null for the binary priors.</summary>
    public Tensor? Thresholds => medians;

    /// <summary>
    /// Encoder logits, one 2-class categorical per bit: (B, L, 2); for the Gaussian prior (mean, log-variance) per
    /// dimension. Dropout (training mode) draws from <paramref name="generator"/>.
    /// </summary>
    public Tensor EncodeLogits(BagOfWordsBatch x, Generator? generator = null) => Logits(Features(x, generator));

    private Tensor Logits(Tensor features)
    {
        using (StepProfile.Time(StepProfile.LatentHead)) return toLogits.call(features).view(-1, Bits, 2);   // (B, L, 2)
    }

    /// <summary>log p(w | z) for every word, from a (B, L, 2) one-hot or relaxed code, or the Gaussian prior's (B, L) z: (B, V).</summary>
    public Tensor Decode(Tensor z) => Decode(decoder, z.flatten(1));

    /// <summary>One stochastic pass: logits, sampled code and the loss terms (used by Doc2hash-S too).</summary>
    public Doc2HashPass Forward(BagOfWordsBatch x, StepContext context)
    {
        var logits = EncodeLogits(x, context.Generator);                                        // (B, L, 2)
        if (IsGaussian) return GaussianForward(logits, x, context);
        var (z, reconstruction) = Config.Estimator == LatentEstimator.Arm
            ? ArmReconstruction(logits, x, context.Generator)
            : SampledReconstruction(logits, x, context);
        using var _ = StepProfile.Time(StepProfile.Loss);
        var kl = KlTerm(logits);
        using var klWeight = Config.KlWeightAt(context.Step).ToScalar();
        return new Doc2HashPass(logits, z, reconstruction, kl, reconstruction.add(kl.mul(klWeight)), BitCollapse.Of(logits));
    }

    /// <summary>One sampled code per document (<see cref="Sample"/>) through the decoder: the code (B, L, 2) and the batch-mean reconstruction.</summary>
    private (Tensor Code, Tensor Reconstruction) SampledReconstruction(Tensor logits, BagOfWordsBatch x, StepContext context)
    {
        Tensor z, logProbWords;
        using (StepProfile.Time(StepProfile.Noise)) z = Sample(logits, context);              // (B, L, 2)
        using (StepProfile.Time(StepProfile.Decoder)) logProbWords = Decode(z);               // (B, V)
        using (StepProfile.Time(StepProfile.Loss)) return (z, Reconstruction(logProbWords, x));
    }

    /// <summary>
    /// The training code (B, L, 2) of the single-sample estimators: a Gumbel-Softmax sample (straight-through or soft),
    /// or a straight-through Bernoulli sample z = 1[u &lt; q] of q = sigmoid(l1 - l0) as the pair [1 - z, z].
    /// </summary>
    private Tensor Sample(Tensor logits, StepContext context) => Config.Estimator switch
    {
        LatentEstimator.StraightThroughGumbel => GumbelSoftmax.Sample(logits, Temperature(context), GumbelMode.StraightThrough, context.Generator),
        LatentEstimator.SoftGumbel => GumbelSoftmax.Sample(logits, Temperature(context), GumbelMode.Soft, context.Generator),
        LatentEstimator.StraightThroughBernoulli => BernoulliLatent.ToPairCode(
            StraightThroughBernoulli.Sample(BernoulliLatent.FromPairLogits(logits), BinarySampling.Stochastic, context.Generator)),
        _ => throw new InvalidOperationException($"{Config.Estimator} draws no single sample (ARM has its own pass)."),
    };

    /// <summary>
    /// ARM (Yin and Zhou 2019; <see cref="ArmEstimator"/>) for the reconstruction of the bits phi = l1 - l0: one u per
    /// bit, the antithetic codes z1 = 1[u &gt; sigmoid(-phi)] and z2 = 1[u &lt; sigmoid(phi)] decoded in one batched call,
    /// g = (f(z1) - f(z2)) (u - 1/2) per bit with f the document's share of the batch-mean reconstruction, reaching the
    /// logits through sum(stop(g) (phi - stop(phi))) (value 0). The decoder learns from z2 (an ordinary Bernoulli(q)
    /// sample, the code returned); the returned reconstruction's value is f(z2)'s batch mean.
    /// </summary>
    private (Tensor Code, Tensor Reconstruction) ArmReconstruction(Tensor logits, BagOfWordsBatch x, Generator generator)
    {
        var phi = BernoulliLatent.FromPairLogits(logits);                                      // (B, L)
        Tensor uniform, first, second, logProbWords;
        using (StepProfile.Time(StepProfile.Noise))
        {
            uniform = rand(phi.shape, dtype: phi.dtype, device: phi.device, generator: generator);   // (B, L)
            (first, second) = ArmEstimator.AntitheticCodes(phi, uniform);                          // (B, L) each, 0/1
        }
        var pairs = BernoulliLatent.ToPairCode(stack([first, second], 0));                     // (2, B, L, 2)
        using (StepProfile.Time(StepProfile.Decoder)) logProbWords = Decode(pairs.view(-1, Bits, 2)).view(2, x.Count, -1);   // (2, B, V)
        using var _ = StepProfile.Time(StepProfile.Loss);
        var perDocument = ReconstructionPerDocument(logProbWords, x);                           // (2, B)
        using var batchSize = ((double)x.Count).ToScalar();
        var difference = perDocument[0].sub(perDocument[1]).div(batchSize);                     // (B)
        var path = ArmEstimator.GradientPath(ArmEstimator.LogitGradient(difference, uniform), phi);
        return (pairs[1], perDocument[1].mean().add(path));
    }

    /// <summary>
    /// The Gaussian prior's pass: (mean, log-variance) from the head, a reparameterised z (the step's generator), the
    /// decoder on z, KL = <see cref="GaussianKl.Compute"/>; the collapse statistics use each dimension's KL to N(0, 1).
    /// </summary>
    private Doc2HashPass GaussianForward(Tensor head, BagOfWordsBatch x, StepContext context)
    {
        var (mean, logVariance) = (head.select(2, 0), head.select(2, 1));                     // (B, L) each
        Tensor z, logProbWords;
        using (StepProfile.Time(StepProfile.Noise)) z = GaussianKl.Sample(mean, logVariance, context.Generator);   // (B, L)
        using (StepProfile.Time(StepProfile.Decoder)) logProbWords = Decode(z);                  // (B, V)
        using var _ = StepProfile.Time(StepProfile.Loss);
        var reconstruction = Reconstruction(logProbWords, x);
        var kl = GaussianKl.Compute(mean, logVariance);
        using var klWeight = Config.KlWeightAt(context.Step).ToScalar();
        Dictionary<string, Tensor> statistics;
        using (no_grad()) statistics = new(BitCollapse.OfPerBitKl(GaussianKl.PerDimension(mean, logVariance)));
        return new Doc2HashPass(head, z, reconstruction, kl, reconstruction.add(kl.mul(klWeight)), statistics);
    }

    /// <summary>
    /// The KL term of the binary priors: <see cref="BernoulliKl.Compute"/> in the configured form, with free bits the
    /// clamped per-bit sum, or with the learned prior <see cref="LearnedBernoulliPrior.Compute"/>.
    /// </summary>
    private Tensor KlTerm(Tensor logits) =>
        priorLogits is not null ? LearnedBernoulliPrior.Compute(logits, priorLogits, Config.KlForm)
        : Config.FreeBits > 0 ? BernoulliKl.WithFreeBits(logits, Config.FreeBits)
        : BernoulliKl.Compute(logits, Config.KlForm);

    /// <summary>
    /// A pass's loss terms for the trainer's logs: reconstruction, the KL term as it enters the loss (clamped under free
    /// bits), and the per-bit collapse statistics (<see cref="BitCollapse"/>; no gradient, they do not touch the loss).
    /// </summary>
    public static Dictionary<string, Tensor> Terms(Doc2HashPass pass)
    {
        var terms = new Dictionary<string, Tensor> { ["reconstruction"] = pass.Reconstruction, ["kl"] = pass.Kl };
        foreach (var (name, value) in pass.Statistics) terms[name] = value;
        return terms;
    }

    public override LossTerms ComputeLoss(TrainingBatch batch, StepContext context)
    {
        using var x = Batch(batch);
        var pass = Forward(x, context);
        return new LossTerms(pass.Loss, Terms(pass));
    }

    public double Temperature(StepContext context) => Config.Temperature.At(context.Step, context.Epoch);

    /// <summary>The KL weight in force, and tau when the estimator reads it (the Gumbel-Softmax pair with a binary prior).</summary>
    public override IReadOnlyDictionary<string, double> Schedules(StepContext context)
    {
        var schedules = new Dictionary<string, double>();
        if (!IsGaussian && LatentEstimators.UsesTemperature(Config.Estimator)) schedules["tau"] = Temperature(context);
        schedules["kl_weight"] = Config.KlWeightAt(context.Step);
        return schedules;
    }

    /// <summary>The Gaussian prior's thresholds become the training medians of the latent mean; the binary priors keep no such state.</summary>
    public override void FinishEpoch(SparseMatrix trainingDocuments)
    {
        if (medians is not null) SetToTrainingMedians(medians, trainingDocuments, x => EncodeLogits(x).select(2, 0).contiguous());
    }

    /// <summary>
    /// Bit i is 1 when logit[i, 1] &gt; logit[i, 0] (argmax over the pair; an exact tie gives 0, like torch.argmax taking
    /// the first): (B, L). Gaussian prior: 1 when the mean exceeds the dimension's training median.
    /// </summary>
    protected override Tensor CodeBits(BagOfWordsBatch x)
    {
        var logits = EncodeLogits(x);                          // (B, L, 2)
        return medians is not null ? logits.select(2, 0).gt(medians) : logits.select(2, 1).gt(logits.select(2, 0));   // (B, L)
    }
}

/// <summary>
/// What one stochastic pass of Doc2hash produces (tensors belong to the caller's dispose scope): the head's logits (the
/// Gaussian prior's (mean, log-variance) pairs), the training code ((B, L, 2), or the Gaussian z (B, L)), the loss terms,
/// and the collapse statistics (<see cref="BitCollapse"/>) for the logs.
/// </summary>
public sealed record Doc2HashPass(Tensor Logits, Tensor Code, Tensor Reconstruction, Tensor Kl, Tensor Loss, IReadOnlyDictionary<string, Tensor> Statistics);
