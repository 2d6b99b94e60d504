using Doc2Hash.Data;
using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Neural;

/// <summary>
/// The label-prediction loss of the supervised methods (Doc2hash-S, VDSH-S, VDSH-SP, NASH-S), from the head's (B, C)
/// scores. Single-label data: cross-entropy, mean over the batch. Multi-label data: sigmoid outputs and the squared
/// error to the 0/1 label vector, summed over labels and averaged over the batch (the Doc2hash authors'
/// <c>mean(sum((scores - labels)^2, dim=1))</c>, and VDSH-S/SP's TensorFlow code: sigmoid tag probabilities, squared error).
/// </summary>
public static class LabelLoss
{
    public static Tensor Compute(Tensor scores, LabelMatrix labels, bool isMultiLabel)
    {
        var device = scores.device;
        long classes = scores.shape[1];
        if (!isMultiLabel)
        {
            var targets = Enumerable.Range(0, labels.Count).Select(i => (long)labels.Of(i)[0]).ToArray();
            return nn.functional.cross_entropy(scores, tensor(targets, device: device));
        }
        var multiHot = new float[labels.Count * classes];
        for (int i = 0; i < labels.Count; i++)
            foreach (int id in labels.Of(i)) multiHot[i * classes + id] = 1f;
        var target = tensor(multiHot, device: device).view(labels.Count, classes);   // (B, C)
        return (scores.sigmoid() - target).square().sum(1).mean();
    }
}
