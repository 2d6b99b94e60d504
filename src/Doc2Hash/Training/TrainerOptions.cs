using System.ComponentModel;
using Doc2Hash.Configuration;

namespace Doc2Hash.Training;

/// <summary>Optimisation and model-selection settings shared by every neural method. Defaults: the authors' Doc2hash.</summary>
public sealed record TrainerOptions
{
    /// <summary>Passes over the training split (authors: 100).</summary>
    [Description("Passes over the training split.")]
    public int Epochs { get; init; } = 100;

    /// <summary>Documents per minibatch; the last minibatch of an epoch may be smaller (authors: 100).</summary>
    [Description("Documents per minibatch.")]
    public int BatchSize { get; init; } = 100;

    /// <summary>Learning rate (authors: 5e-4 for Doc2hash, 1e-4 for Doc2hash-S); other Adam settings are PyTorch's defaults.</summary>
    [Description("Adam learning rate (other Adam settings: PyTorch defaults).")]
    [OptionName("lr")]
    public double LearningRate { get; init; } = 5e-4;

    /// <summary>
    /// Adam on every parameter (the authors), or <see cref="OptimizerKind.LazyAdam"/>, which updates only the input
    /// rows a minibatch touches: faster, but a different optimiser (an ablation).
    /// </summary>
    [Description("adam (the authors) or lazy-adam (updates only the input rows a minibatch touches, torch's SparseAdam there: faster, a different optimiser).")]
    public OptimizerKind Optimizer { get; init; } = OptimizerKind.Adam;

    /// <summary>The one seed behind shuffling, sampling and dropout here, and initialisation in the experiment runner.</summary>
    [Description("The one seed behind initialisation, shuffling, dropout and sampling noise.")]
    public int Seed { get; init; } = 1;

    /// <summary>Split whose precision@K selects the best epoch.</summary>
    [Description("Split whose P@K picks the best epoch: validation, or test (the authors' protocol, labelled as such).")]
    public SelectOn SelectOn { get; init; } = SelectOn.Validation;

    /// <summary>K of the precision@K used for selection and the final metrics (the literature: 100).</summary>
    [Description("K of precision@K for selection and reporting.")]
    public int K { get; init; } = 100;

    public void Validate()
    {
        if (Epochs < 1) throw new ArgumentException($"--epochs must be at least 1 (got {Epochs}): a run needs one pass over the training split or more.");
        if (BatchSize < 1) throw new ArgumentException($"--batch-size must be at least 1 (got {BatchSize}).");
        if (LearningRate <= 0) throw new ArgumentException($"--lr must be positive (got {LearningRate}).");
        if (!Enum.IsDefined(Optimizer)) throw new ArgumentException($"Optimizer {(int)Optimizer} is not one of {string.Join(", ", Enum.GetNames<OptimizerKind>())}.");
        if (K < 1) throw new ArgumentException($"--k must be at least 1 (got {K}).");
    }
}
