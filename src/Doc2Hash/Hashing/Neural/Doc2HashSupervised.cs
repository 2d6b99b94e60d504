using Doc2Hash.Retrieval;
using Doc2Hash.Text;
using Doc2Hash.Hashing;
using Doc2Hash.Hashing.Relaxations;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Neural;

/// <summary>
/// Doc2hash-S: Doc2hash plus a label head Linear(2L, C) on the sampled code (Linear(L, C) on z with the Gaussian prior; ARM is refused) (the authors' VDSH_S_gubel.py).
/// Label loss: single-label data, cross-entropy (mean over the batch); multi-label data, sigmoid outputs and the
/// squared error to the 0/1 label vector, summed over labels and averaged over the batch (the authors'
/// <c>mean(sum((scores - labels)^2, dim=1))</c>). Its weight ramps from 0 (<see cref="LabelHeadConfig"/>).
/// </summary>
public sealed class Doc2HashSupervised : nn.Module, ITrainableHasher
{
    private readonly Doc2HashModel vae;
    private readonly Linear labelHead;

    /// <summary>Builds the model; initial weights follow <paramref name="seed"/> (the head's from its own derived stream).</summary>
    public Doc2HashSupervised(Doc2HashConfig config, LabelHeadConfig labelHead, int vocabularySize, int labelCount, bool isMultiLabel, int seed = 1, Device? device = null)
        : base(nameof(Doc2HashSupervised))
    {
        if (labelCount < 1) throw new ArgumentException($"Doc2hash-S needs labelled data (got {labelCount} label classes).");
        if (config.Estimator == LatentEstimator.Arm)
            throw new ArgumentException("--estimator arm is not available for doc2hash-s: ARM estimates the gradient of the reconstruction only, and the label loss on the sampled code would need its own ARM estimate. Use st-gumbel, soft-gumbel or st-bernoulli.");
        vae = new Doc2HashModel(config, vocabularySize, seed, device);
        this.labelHead = nn.Linear(vae.CodeWidth, labelCount, device: vae.Device);
        using (var generator = new Generator((ulong)Seeding.ForInitialisation(seed, stream: 1), vae.Device))
            WeightInitializer.Linear(this.labelHead, config, generator);
        LabelHead = labelHead;
        LabelCount = labelCount;
        IsMultiLabel = isMultiLabel;
        RegisterComponents();
    }

    public Doc2HashConfig Config => vae.Config;
    public LabelHeadConfig LabelHead { get; }
    public int LabelCount { get; }
    public bool IsMultiLabel { get; }
    public Device Device => vae.Device;
    public string Name => "doc2hash-s";
    public int Bits => vae.Bits;

    public LossTerms ComputeLoss(TrainingBatch batch, StepContext context)
    {
        using var x = BagOfWordsBatch.FromRows(batch.Features, null, Device);
        var pass = vae.Forward(x, context);
        var scores = labelHead.call(pass.Code.flatten(1));   // (B, C)
        var label = LabelLoss.Compute(scores, batch.Labels, IsMultiLabel);
        using var labelWeight = LabelHead.WeightAt(context.Step).ToScalar();
        var total = pass.Loss.add(label.mul(labelWeight));
        var terms = Doc2HashModel.Terms(pass);
        terms["label"] = label;
        return new LossTerms(total, terms);
    }

    /// <summary>The VAE's schedules (tau when used, the KL weight) and the label weight.</summary>
    public IReadOnlyDictionary<string, double> Schedules(StepContext context) =>
        new Dictionary<string, double>(vae.Schedules(context)) { ["label_weight"] = LabelHead.WeightAt(context.Step) };

    /// <summary>Codes come from the encoder alone, exactly as for <see cref="Doc2HashModel.Encode"/>.</summary>
    public BinaryCodes Encode(SparseMatrix documents) => vae.Encode(documents);

    public void UseSparseRowGradients(bool enabled) => vae.UseSparseRowGradients(enabled);
    public void FinishEpoch(Text.SparseMatrix trainingDocuments) => vae.FinishEpoch(trainingDocuments);
    public IEnumerable<Parameter> Parameters() => parameters();
    public void SetTraining(bool training) => train(training);
    public void SaveState(BinaryWriter writer) => save(writer);
    public void LoadState(BinaryReader reader) => load(reader);
}
