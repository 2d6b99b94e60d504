using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Text;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Neural;

/// <summary>
/// VDSH (Chaidaroon and Fang, SIGIR 2017), as the PyTorch port the Doc2hash authors shipped (models/VDSH.py): a Gaussian
/// VAE. Encoder trunk -> mean Linear(H, L) and log-variance sigmoid(Linear(H, L)) (the port bounds it to (0, 1));
/// z = mean + exp(logvar / 2) * eps; decoder Linear(L, V) -> log-softmax; loss = reconstruction + w_t * KL with w_t
/// annealed (<see cref="VdshConfig.KlWeight"/>). Codes: bit j is 1 when the latent mean exceeds the median of
/// dimension j over the training documents (the port's get_binary_code; lower median, as torch.median), so each bit is
/// 1 for half of the training documents. The medians are learned state: recomputed after every epoch
/// (<see cref="FinishEpoch"/>) and stored with the weights in checkpoints.
/// <para>
/// Supervised variants (label head config given): VDSH-S adds a label head Linear(L, C) on the sampled z;
/// VDSH-SP (<see cref="VdshConfig.PrivateVariable"/>) also infers a private Gaussian v from its own encoder trunk
/// (the original TensorFlow VDSH_SP.py), the decoder reads z + v and the KL covers both; codes still come from z.
/// </para>
/// </summary>
public sealed class VdshModel : BagOfWordsHasher
{
    private readonly Linear toMean;
    private readonly Linear toLogVariance;
    private readonly EncoderTrunk? privateTrunk;
    private readonly Linear? toPrivateMean;
    private readonly Linear? toPrivateLogVariance;
    private readonly Linear decoder;
    private readonly Linear? labelHead;
    private readonly Tensor medians;   // (L): the per-bit thresholds, a buffer saved with the weights

    /// <summary>
    /// Builds VDSH (no <paramref name="labelHead"/>), VDSH-S (a label head) or VDSH-SP (a label head and
    /// <see cref="VdshConfig.PrivateVariable"/>); equal seeds give equal initial weights.
    /// </summary>
    public VdshModel(VdshConfig config, int vocabularySize, LabelHeadConfig? labelHead = null, int labelCount = 0, bool isMultiLabel = false,
        int seed = 1, Device? device = null)
        : base(nameof(VdshModel), config, vocabularySize, seed, device)
    {
        if (labelHead is not null && labelCount < 1) throw new ArgumentException($"A supervised VDSH needs labelled data (got {labelCount} label classes).");
        if (config.PrivateVariable && labelHead is null) throw new ArgumentException("VDSH-SP's private variable only makes sense with a label head (VDSH-SP is supervised).");
        Config = config;
        LabelHead = labelHead;
        IsMultiLabel = isMultiLabel;
        toMean = NewLinear(config.HiddenSize, config.Bits);
        toLogVariance = NewLinear(config.HiddenSize, config.Bits);
        if (config.PrivateVariable)
        {
            privateTrunk = NewTrunk("private");
            toPrivateMean = NewLinear(config.HiddenSize, config.Bits);
            toPrivateLogVariance = NewLinear(config.HiddenSize, config.Bits);
        }
        decoder = NewLinear(config.Bits, vocabularySize);
        if (labelHead is not null) this.labelHead = NewLinear(config.Bits, labelCount);
        medians = zeros(config.Bits, device: Device);
        CompleteConstruction();
    }

    public VdshConfig Config { get; }
    public LabelHeadConfig? LabelHead { get; }
    public bool IsMultiLabel { get; }
    public override string Name => labelHead is null ? "vdsh" : Config.PrivateVariable ? "vdsh-sp" : "vdsh-s";

    /// <summary>The per-bit thresholds (training medians of the latent mean) the codes currently use: (L).</summary>
    public Tensor Thresholds => medians;

    /// <summary>Mean and log-variance of q(z | x): (B, L) each. Dropout (training mode) draws from <paramref name="generator"/>.</summary>
    public (Tensor Mean, Tensor LogVariance) Posterior(BagOfWordsBatch x, Generator? generator = null)
    {
        var h = Features(x, generator);                           // (B, H)
        using (StepProfile.Time(StepProfile.LatentHead)) return (toMean.call(h), toLogVariance.call(h).sigmoid());  // (B, L), (B, L)
    }

    public override LossTerms ComputeLoss(TrainingBatch batch, StepContext context)
    {
        using var x = Batch(batch);
        var (mean, logVariance) = Posterior(x, context.Generator);
        Tensor z;
        using (StepProfile.Time(StepProfile.Noise)) z = GaussianKl.Sample(mean, logVariance, context.Generator);   // (B, L)
        var kl = GaussianKl.Compute(mean, logVariance);
        var decoderInput = z;
        if (privateTrunk is not null)
        {
            var h = privateTrunk.Forward(x, training, context.Generator);               // (B, H)
            var (privateMean, privateLogVariance) = (toPrivateMean!.call(h), toPrivateLogVariance!.call(h).sigmoid());
            decoderInput = z.add(GaussianKl.Sample(privateMean, privateLogVariance, context.Generator));
            kl = kl.add(GaussianKl.Compute(privateMean, privateLogVariance));
        }
        Tensor logProbWords;
        using (StepProfile.Time(StepProfile.Decoder)) logProbWords = Decode(decoder, decoderInput);   // (B, V)
        using var _ = StepProfile.Time(StepProfile.Loss);
        var reconstruction = Reconstruction(logProbWords, x);
        using var klWeight = Config.KlWeight.At(context.Step).ToScalar();
        var total = reconstruction.add(kl.mul(klWeight));
        var terms = new Dictionary<string, Tensor> { ["reconstruction"] = reconstruction, ["kl"] = kl };
        if (labelHead is not null)
        {
            var label = LabelLoss.Compute(labelHead.call(z), batch.Labels, IsMultiLabel);   // the head reads the sampled z
            using var labelWeight = LabelHead!.WeightAt(context.Step).ToScalar();
            total = total.add(label.mul(labelWeight));
            terms["label"] = label;
        }
        return new LossTerms(total, terms);
    }

    public override IReadOnlyDictionary<string, double> Schedules(StepContext context)
    {
        var schedules = new Dictionary<string, double> { ["kl_weight"] = Config.KlWeight.At(context.Step) };
        if (LabelHead is not null) schedules["label_weight"] = LabelHead.WeightAt(context.Step);
        return schedules;
    }

    /// <summary>Sets the thresholds to the per-dimension training medians of the latent mean (<see cref="BagOfWordsHasher.SetToTrainingMedians"/>).</summary>
    public override void FinishEpoch(SparseMatrix trainingDocuments) => SetToTrainingMedians(medians, trainingDocuments, x => Posterior(x).Mean);

    /// <summary>Bit j is 1 when the latent mean exceeds the training median of dimension j: (B, L).</summary>
    protected override Tensor CodeBits(BagOfWordsBatch x) => Posterior(x).Mean.gt(medians);

    public override void UseSparseRowGradients(bool enabled)
    {
        base.UseSparseRowGradients(enabled);
        privateTrunk?.UseSparseRowGradients(enabled);
    }
}
