using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Neural;

/// <summary>The loss of one minibatch: the scalar to minimise and its named parts (all scalar tensors, batch means).</summary>
public sealed record LossTerms(Tensor Total, IReadOnlyDictionary<string, Tensor> Terms)
{
    /// <summary>Name under which <see cref="Total"/> is reported next to the terms.</summary>
    public const string TotalName = "total";
}
