using Doc2Hash.Hashing.Relaxations;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Neural;

/// <summary>
/// Doc2hash (Zhang and Zhu, NAACL 2019): a VAE whose latent is L binary variables, relaxed with Gumbel-Softmax.
/// Encoder trunk (<see cref="EncoderTrunk"/>) -> Linear(H, 2L) viewed as (B, L, 2) logits; decoder Linear(2L, V) ->
/// log-softmax; loss = reconstruction + KlWeight * KL (the authors' train_gumble.py). Opt-in ablations: KL annealing
/// (<see cref="Doc2HashConfig.KlAnnealSteps"/>) and free bits (<see cref="Doc2HashConfig.FreeBits"/>).
/// </summary>
public sealed class Doc2HashModel : BagOfWordsHasher
{
    private readonly Linear toLogits;
    private readonly Linear decoder;

    /// <summary>Builds the model on <paramref name="device"/> (CPU by default); equal seeds give equal initial weights.</summary>
    public Doc2HashModel(Doc2HashConfig config, int vocabularySize, int seed = 1, Device? device = null)
        : base(nameof(Doc2HashModel), config, vocabularySize, seed, device)
    {
        Config = config;
        toLogits = NewLinear(config.HiddenSize, 2L * config.Bits);
        decoder = NewLinear(2L * config.Bits, vocabularySize);
        CompleteConstruction();
    }

    public Doc2HashConfig Config { get; }
    public override string Name => "doc2hash";

    /// <summary>Encoder logits, one 2-class categorical per bit: (B, L, 2). Dropout (training mode) draws from <paramref name="generator"/>.</summary>
    public Tensor EncodeLogits(BagOfWordsBatch x, Generator? generator = null) => Logits(Features(x, generator));

    private Tensor Logits(Tensor features)
    {
        using (StepProfile.Time(StepProfile.LatentHead)) return toLogits.call(features).view(-1, Bits, 2);   // (B, L, 2)
    }

    /// <summary>log p(w | z) for every word, from a (B, L, 2) one-hot or relaxed code: (B, V).</summary>
    public Tensor Decode(Tensor z) => Decode(decoder, z.flatten(1));

    /// <summary>One stochastic pass: logits, sampled code and the loss terms (used by Doc2hash-S too).</summary>
    public Doc2HashPass Forward(BagOfWordsBatch x, StepContext context)
    {
        var logits = EncodeLogits(x, context.Generator);                                        // (B, L, 2)
        Tensor z, logProbWords;
        using (StepProfile.Time(StepProfile.Noise)) z = GumbelSoftmax.Sample(logits, Temperature(context), Config.Sampling, context.Generator); // (B, L, 2)
        using (StepProfile.Time(StepProfile.Decoder)) logProbWords = Decode(z);                   // (B, V)
        using var _ = StepProfile.Time(StepProfile.Loss);
        var reconstruction = Reconstruction(logProbWords, x);
        var kl = KlTerm(logits);
        using var klWeight = Config.KlWeightAt(context.Step).ToScalar();
        return new Doc2HashPass(logits, z, reconstruction, kl, reconstruction.add(kl.mul(klWeight)));
    }

    /// <summary>The KL term of the loss: <see cref="BernoulliKl.Compute"/> in the configured form, or with free bits the clamped per-bit sum.</summary>
    private Tensor KlTerm(Tensor logits) =>
        Config.FreeBits > 0 ? BernoulliKl.WithFreeBits(logits, Config.FreeBits) : BernoulliKl.Compute(logits, Config.KlForm);

    /// <summary>
    /// A pass's loss terms for the trainer's logs: reconstruction, the KL term as it enters the loss (clamped under free
    /// bits), and the per-bit collapse statistics (<see cref="BitCollapse"/>; no gradient, they do not touch the loss).
    /// </summary>
    public static Dictionary<string, Tensor> Terms(Doc2HashPass pass)
    {
        var terms = new Dictionary<string, Tensor> { ["reconstruction"] = pass.Reconstruction, ["kl"] = pass.Kl };
        foreach (var (name, value) in BitCollapse.Of(pass.Logits)) terms[name] = value;
        return terms;
    }

    public override LossTerms ComputeLoss(TrainingBatch batch, StepContext context)
    {
        using var x = Batch(batch);
        var pass = Forward(x, context);
        return new LossTerms(pass.Loss, Terms(pass));
    }

    public double Temperature(StepContext context) => Config.Temperature.At(context.Step, context.Epoch);

    public override IReadOnlyDictionary<string, double> Schedules(StepContext context) =>
        new Dictionary<string, double> { ["tau"] = Temperature(context), ["kl_weight"] = Config.KlWeightAt(context.Step) };

    /// <summary>
    /// Bit i is 1 when logit[i, 1] &gt; logit[i, 0] (argmax over the pair; an exact tie gives 0, like torch.argmax taking
    /// the first): (B, L).
    /// </summary>
    protected override Tensor CodeBits(BagOfWordsBatch x)
    {
        var logits = EncodeLogits(x);                          // (B, L, 2)
        return logits.select(2, 1).gt(logits.select(2, 0));    // (B, L)
    }
}

/// <summary>What one stochastic pass of Doc2hash produces (tensors belong to the caller's dispose scope).</summary>
public sealed record Doc2HashPass(Tensor Logits, Tensor Code, Tensor Reconstruction, Tensor Kl, Tensor Loss);
