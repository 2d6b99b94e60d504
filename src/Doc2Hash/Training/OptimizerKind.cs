namespace Doc2Hash.Training;

/// <summary>Which optimiser the <see cref="Trainer"/> steps.</summary>
public enum OptimizerKind
{
    /// <summary>Standard Adam (PyTorch's defaults) on every parameter, as the authors (default).</summary>
    Adam,

    /// <summary>
    /// <see cref="Training.LazyAdam"/>: for a row-lookup input layer only the rows a minibatch touches are updated
    /// (torch.optim.SparseAdam's semantics), standard Adam elsewhere. A different optimiser, so an ablation; faster.
    /// </summary>
    LazyAdam,
}
