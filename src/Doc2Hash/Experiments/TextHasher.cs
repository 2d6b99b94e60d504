using Doc2Hash.Data;
using Doc2Hash.Hashing;
using Doc2Hash.Retrieval;
using Doc2Hash.Text;
using static TorchSharp.torch;

namespace Doc2Hash.Experiments;

/// <summary>
/// Hashes raw text with a trained run: tokenise and weight it with the run's text model (<see cref="RunTextModel"/>:
/// its dataset's exact preprocessing), then encode it with the run's best checkpoint (deterministic argmax codes,
/// as `doc2hash encode` gives for the dataset's own documents).
/// </summary>
public sealed class TextHasher : IDisposable
{
    private readonly IHashingMethod _model;

    private TextHasher(RunTextModel text, IHashingMethod model)
    {
        Text = text;
        _model = model;
    }

    public RunTextModel Text { get; }

    public int Bits => _model.Bits;

    /// <summary>
    /// Opens a run whose text model exists (see <see cref="RunTextModel.Ensure"/>); <paramref name="data"/> must be the
    /// dataset the run was trained on (checked), since the checkpoint is loaded through it.
    /// </summary>
    public static TextHasher Open(RunFolder run, HashingDataset data, Device? device = null)
    {
        var text = RunTextModel.Load(run);
        text.CheckDataset(data);
        return new TextHasher(text, Experiment.Load(run, data, device ?? CPU));
    }

    /// <summary>The TF-IDF rows of the texts, exactly as the dataset's preprocessing would weight them.</summary>
    public SparseMatrix Vectorize(IReadOnlyList<string> texts) => Text.Model.Transform(texts);

    /// <summary>One code per text.</summary>
    public BinaryCodes Hash(IReadOnlyList<string> texts) => Encode(Vectorize(texts));

    /// <summary>Codes of already weighted rows (e.g. the dataset's own splits).</summary>
    public BinaryCodes Encode(SparseMatrix features) => _model.Encode(features);

    public void Dispose() => (_model as IDisposable)?.Dispose();
}
