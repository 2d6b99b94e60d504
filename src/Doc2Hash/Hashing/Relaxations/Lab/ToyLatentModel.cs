using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Relaxations.Lab;

/// <summary>
/// The relaxation lab's discrete-latent model: Doc2hash in miniature, small enough to enumerate. Each of D documents
/// has its own L Bernoulli logits phi_d (free parameters, no encoder); a code z in [0, 1]^L is decoded linearly into
/// log p(w | z) = log_softmax(z W + b)_w (as Doc2hash's decoder, on the bit-1 coordinates), and the loss of document d
/// is its negative log-likelihood -sum_w n_dw log p(w | z) / D, so that the objective (the sum over documents of
/// E_q[loss_d]) is the mean per-document NLL. Relaxed codes are accepted as they are, which is what defines the
/// Gumbel-Softmax relaxation of this loss.
/// <para>
/// The corpus is drawn from the same family: true codes uniform in {0, 1}^L, a true decoder with weights
/// N(0, TrueDecoderScale^2) and bias N(0, 1), and TokensPerDocument tokens per document from p(w | z_true); all from one
/// torch generator seeded with <see cref="ToyModelOptions.Seed"/>, in float64.
/// </para>
/// </summary>
public sealed class ToyLatentModel : IDisposable
{
    public ToyLatentModel(ToyModelOptions options, Device? device = null)
    {
        options.Validate();
        Options = options;
        Device = device ?? CPU;
        using var scope = NewDisposeScope();
        using var generator = new Generator((ulong)options.Seed);   // CPU: the same corpus and start whatever the device
        int d = options.Documents, l = options.Bits, v = options.VocabularySize;
        Counts = DrawCorpus(options, generator).to(Device).DetachFromDisposeScope();
        Logits = Parameter(Normal([d, l], options.InitialLogitScale, generator));          // (D, L)
        DecoderWeight = Parameter(Normal([l, v], options.InitialDecoderScale, generator));  // (L, V)
        DecoderBias = Parameter(zeros([v], dtype: ScalarType.Float64));                     // (V)
    }

    public ToyModelOptions Options { get; }
    public Device Device { get; }

    /// <summary>Word counts n_dw of the toy corpus, (D, V), float64.</summary>
    public Tensor Counts { get; }

    /// <summary>phi, the per-document Bernoulli logits, (D, L): q_dl = sigmoid(phi_dl).</summary>
    public Parameter Logits { get; }

    /// <summary>W, (L, V).</summary>
    public Parameter DecoderWeight { get; }

    /// <summary>b, (V).</summary>
    public Parameter DecoderBias { get; }

    /// <summary>Everything a training run updates: logits, decoder weight and bias.</summary>
    public IReadOnlyList<Parameter> Parameters => [Logits, DecoderWeight, DecoderBias];

    /// <summary>
    /// Per-document losses for codes (..., D, L), hard or relaxed: -sum_w n_dw log_softmax(z W + b)_w / D, shape (..., D).
    /// This is the f every estimator and the exact enumeration call; codes (..., 1, L) are one code for every document
    /// (the enumeration's broadcast form: the decoder then runs once per code).
    /// </summary>
    public Tensor Loss(Tensor code)
    {
        if (code.dim() < 2 || code.shape[^1] != Options.Bits || (code.shape[^2] != Options.Documents && code.shape[^2] != 1))
            throw new ArgumentException($"Expected codes of shape (..., {Options.Documents}, {Options.Bits}) (or (..., 1, {Options.Bits}), one code for every document), got ({string.Join(", ", code.shape)}).", nameof(code));
        using var scope = NewDisposeScope();
        var logProbability = code.matmul(DecoderWeight).add(DecoderBias).log_softmax(-1);   // (..., D or 1, V)
        using var documents = ((double)Options.Documents).ToScalar();
        return logProbability.mul(Counts).sum(-1).div(documents).neg().MoveToOuterDisposeScope();   // (..., D)
    }

    /// <summary>The exact objective sum_d E_q[loss_d] at the current parameters (enumeration, no gradient).</summary>
    public double ExpectedLoss()
    {
        using var _ = no_grad();
        using var expectation = ExactExpectation.Expectation(Logits, Loss);
        return expectation.item<double>();
    }

    /// <summary>The exact gradient of the objective with respect to the logits, (D, L).</summary>
    public Tensor ExactLogitGradient() => ExactExpectation.Gradient(Logits, Loss);

    /// <summary>Document-by-word counts: true codes, a true decoder, then multinomial draws.</summary>
    private static Tensor DrawCorpus(ToyModelOptions options, Generator generator)
    {
        int d = options.Documents, l = options.Bits, v = options.VocabularySize;
        using var half = 0.5.ToScalar();
        var trueCode = rand([d, l], dtype: ScalarType.Float64, generator: generator).lt(half).to(ScalarType.Float64); // (D, L)
        var trueWeight = Normal([l, v], options.TrueDecoderScale, generator);                                          // (L, V)
        var trueBias = Normal([v], 1.0, generator);                                                                   // (V)
        var wordProbability = trueCode.matmul(trueWeight).add(trueBias).softmax(-1);                                   // (D, V)
        var tokens = multinomial(wordProbability, options.TokensPerDocument, replacement: true, generator: generator); // (D, T)
        return zeros([d, v], dtype: ScalarType.Float64).scatter_add(1, tokens, ones([d, options.TokensPerDocument], dtype: ScalarType.Float64));
    }

    private static Tensor Normal(long[] shape, double scale, Generator generator)
    {
        using var s = scale.ToScalar();
        return randn(shape, dtype: ScalarType.Float64, generator: generator).mul(s);
    }

    /// <summary>A trainable leaf on the model's device that outlives the constructor's dispose scope.</summary>
    private Parameter Parameter(Tensor value)
    {
        var parameter = new Parameter(value.to(Device), requires_grad: true);
        parameter.DetachFromDisposeScope();
        return parameter;
    }

    public void Dispose()
    {
        Counts.Dispose();
        foreach (var parameter in Parameters) parameter.Dispose();
    }
}
