using Doc2Hash.Hashing.Relaxations;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Neural;

/// <summary>
/// NASH (Shen et al., ACL 2018): a VAE whose latent is L Bernoulli bits. Encoder trunk -> Linear(H, L) logits l,
/// q = sigmoid(l); in training z = 1[u &lt; q] (u ~ Uniform) with the straight-through gradient dz/dq = 1
/// (<see cref="StraightThroughBernoulli"/>); decoder Linear(L, V) -> log-softmax (the paper's softmax(z^T E x_w + b_w));
/// loss = reconstruction + w_t * KL(q || Bernoulli(1/2)). Test-time codes: z = 1[q &gt; 1/2].
/// <para>
/// NASH-N feeds the decoder z + NoiseStd * eps. NASH-DN feeds it z + sigma(x) * eps with a data-dependent standard
/// deviation sigma(x) = NoiseStd * exp(Linear(H, L)(h) / 2) read from the encoder's features h and learned with the
/// rest (the paper infers the noise variance from the document; this parameterisation, starting near NoiseStd, is the
/// kit's). eps ~ N(0, I) comes from the step's generator. Noise is only added in training.
/// </para>
/// <para>Supervised NASH (a label head config given): a label head Linear(L, C) on the straight-through code z.</para>
/// </summary>
public sealed class NashModel : BagOfWordsHasher
{
    private readonly Linear toLogits;
    private readonly Linear? toNoiseScale;
    private readonly Linear decoder;
    private readonly Linear? labelHead;

    public NashModel(NashConfig config, int vocabularySize, LabelHeadConfig? labelHead = null, int labelCount = 0, bool isMultiLabel = false,
        int seed = 1, Device? device = null)
        : base(nameof(NashModel), config, vocabularySize, seed, device)
    {
        if (labelHead is not null && labelCount < 1) throw new ArgumentException($"A supervised NASH needs labelled data (got {labelCount} label classes).");
        Config = config;
        LabelHead = labelHead;
        IsMultiLabel = isMultiLabel;
        toLogits = NewLinear(config.HiddenSize, config.Bits);
        if (config.Noise == DecoderNoise.DataDependent) toNoiseScale = NewLinear(config.HiddenSize, config.Bits);
        decoder = NewLinear(config.Bits, vocabularySize);
        if (labelHead is not null) this.labelHead = NewLinear(config.Bits, labelCount);
        CompleteConstruction();
    }

    public NashConfig Config { get; }
    public LabelHeadConfig? LabelHead { get; }
    public bool IsMultiLabel { get; }
    public override string Name => labelHead is not null ? "nash-s" : Config.Noise switch { DecoderNoise.Fixed => "nash-n", DecoderNoise.DataDependent => "nash-dn", _ => "nash" };

    public override LossTerms ComputeLoss(TrainingBatch batch, StepContext context)
    {
        using var x = Batch(batch);
        var h = Features(x, context.Generator);                                             // (B, H)
        Tensor logits, z, decoderInput, logProbWords;
        using (StepProfile.Time(StepProfile.LatentHead)) logits = toLogits.call(h);        // (B, L)
        using (StepProfile.Time(StepProfile.Noise))
        {
            z = StraightThroughBernoulli.Sample(logits, Config.Binarization, context.Generator); // (B, L), 0/1 forward
            decoderInput = AddNoise(z, h, context.Generator);
        }
        using (StepProfile.Time(StepProfile.Decoder)) logProbWords = Decode(decoder, decoderInput);   // (B, V)
        using var _ = StepProfile.Time(StepProfile.Loss);
        var reconstruction = Reconstruction(logProbWords, x);
        var kl = BernoulliKl.FromBitLogits(logits);
        using var klWeight = Config.KlWeight.At(context.Step).ToScalar();
        var total = reconstruction.add(kl.mul(klWeight));
        var terms = new Dictionary<string, Tensor> { ["reconstruction"] = reconstruction, ["kl"] = kl };
        if (labelHead is not null)
        {
            var label = LabelLoss.Compute(labelHead.call(z), batch.Labels, IsMultiLabel);
            using var labelWeight = LabelHead!.WeightAt(context.Step).ToScalar();
            total = total.add(label.mul(labelWeight));
            terms["label"] = label;
        }
        return new LossTerms(total, terms);
    }

    /// <summary>The decoder's input in training: z, z + NoiseStd * eps (NASH-N) or z + sigma(x) * eps (NASH-DN).</summary>
    private Tensor AddNoise(Tensor z, Tensor features, Generator generator)
    {
        if (Config.Noise == DecoderNoise.None) return z;
        var eps = randn(z.shape, dtype: z.dtype, device: z.device, generator: generator);   // (B, L)
        using var std = Config.NoiseStd.ToScalar();
        if (Config.Noise == DecoderNoise.Fixed) return z.add(eps.mul(std));
        using var half = 0.5.ToScalar();
        var sigma = toNoiseScale!.call(features).mul(half).exp().mul(std);               // (B, L), learned and data-dependent
        return z.add(eps.mul(sigma));
    }

    public override IReadOnlyDictionary<string, double> Schedules(StepContext context)
    {
        var schedules = new Dictionary<string, double> { ["kl_weight"] = Config.KlWeight.At(context.Step) };
        if (LabelHead is not null) schedules["label_weight"] = LabelHead.WeightAt(context.Step);
        return schedules;
    }

    /// <summary>z = 1[sigmoid(l) &gt; 1/2], no sampling and no noise: (B, L).</summary>
    protected override Tensor CodeBits(BagOfWordsBatch x) => StraightThroughBernoulli.Threshold(toLogits.call(Features(x)));
}
