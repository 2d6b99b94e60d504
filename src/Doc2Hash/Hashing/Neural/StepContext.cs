using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Neural;

/// <summary>
/// Where training stands when a minibatch is processed: 0-based epoch, 0-based global step (minibatches since the
/// start of the run, across epochs), and the generator that all sampling in this step must use.
/// </summary>
public sealed record StepContext(int Epoch, long Step, Generator Generator);
