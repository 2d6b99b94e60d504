using Doc2Hash.Text;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Neural;

/// <summary>
/// The neural hashing contract: what a trainer (Doc2Hash.Training.Trainer) needs from a model, and nothing more:
/// loss terms for a minibatch, deterministic codes (from <see cref="IHashingMethod.Encode"/>), parameters,
/// train/eval mode and its state. It lives with the models so that Hashing never depends on Training; the
/// trainer depends on this contract and never looks inside a model.
/// </summary>
public interface ITrainableHasher : IHashingMethod, IDisposable
{
    /// <summary>Device the parameters live on.</summary>
    Device Device { get; }

    /// <summary>The parameters to optimise.</summary>
    IEnumerable<Parameter> Parameters();

    /// <summary>Switches dropout and similar layers between training (true) and evaluation (false) behaviour.</summary>
    void SetTraining(bool training);

    /// <summary>
    /// The loss of one minibatch in training mode: named terms plus the total to minimise. Any randomness
    /// (e.g. Gumbel noise) must come from <see cref="StepContext.Generator"/> or the seeded global generator.
    /// </summary>
    LossTerms ComputeLoss(TrainingBatch batch, StepContext context);

    /// <summary>Scheduled hyper-parameters in force at a step (e.g. "tau"), for logs; empty when there are none.</summary>
    IReadOnlyDictionary<string, double> Schedules(StepContext context);

    /// <summary>
    /// Asks a model whose input layer looks rows up by word id (an EmbeddingBag) to give that weight a sparse COO
    /// gradient (the ids of the rows the minibatch touches and their gradient rows) instead of a dense V x H one,
    /// for optimisers that update only those rows (Doc2Hash.Training.LazyAdam); false restores dense gradients. Models
    /// without such a layer ignore it (the default), and LazyAdam then is plain Adam.
    /// </summary>
    void UseSparseRowGradients(bool enabled)
    {
    }

    /// <summary>
    /// Called by the trainer after every epoch's last step, before codes are evaluated and checkpoints written, so a
    /// model can derive state from the whole training split: VDSH's per-bit thresholds are the training medians of
    /// its latent means, and must match the weights they are stored with. Most models need nothing (the default).
    /// </summary>
    void FinishEpoch(SparseMatrix trainingDocuments)
    {
    }

    /// <summary>Writes every parameter and buffer (TorchSharp's module format).</summary>
    void SaveState(BinaryWriter writer);

    /// <summary>Reads back what <see cref="SaveState"/> wrote into a model of the same configuration.</summary>
    void LoadState(BinaryReader reader);
}
