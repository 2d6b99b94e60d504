using TorchSharp;
using static TorchSharp.torch;

namespace Doc2Hash.Hashing.Relaxations;

/// <summary>The baseline b subtracted from the loss in the score-function estimator; any b independent of the sample keeps it unbiased.</summary>
public enum ReinforceBaseline
{
    /// <summary>b = 0: the plain estimator, whose variance grows with the loss's offset from zero.</summary>
    None,

    /// <summary>
    /// b_s = mean of the other S - 1 samples' losses at the same position (Kool et al. 2019, "Buy 4 REINFORCE samples,
    /// get a baseline for free"): independent of sample s, so unbiased; needs S &gt;= 2.
    /// </summary>
    LeaveOneOut,

    /// <summary>
    /// b = an exponential moving average of past calls' mean loss, one per batch position, starting at 0 (the first
    /// call is the plain estimator). Built only from earlier samples, so unbiased, and it works with S = 1. It helps when
    /// each batch position holds the same item across calls (the lab, full-batch training); with minibatches of
    /// changing documents it stays unbiased but averages unrelated losses.
    /// </summary>
    MovingAverage,
}

/// <summary>
/// The score-function (REINFORCE, Williams 1992) estimator for Bernoulli latents:
/// grad_phi E_q[f(z)] = E_q[(f(z) - b) grad_phi log q(z)], with grad_phi log q(z) = z - q, estimated by the mean
/// over S hard samples. The surrogate is mean_s [f(z_s) + (f(z_s) - b_s) (log q(z_s) - stop(log q(z_s)))]: its value
/// is the mean loss, its gradient is the estimator for the logits plus the pathwise gradient of f's own parameters.
/// </summary>
public sealed class ReinforceEstimator(ReinforceBaseline baseline = ReinforceBaseline.LeaveOneOut, double movingAverageDecay = 0.9) : IGradientEstimator
{
    /// <summary>Detached running mean loss per batch position (<see cref="ReinforceBaseline.MovingAverage"/> only).</summary>
    private Tensor? average;

    public ReinforceBaseline Baseline { get; } = baseline;

    /// <summary>Weight of the old average in each update of the moving-average baseline.</summary>
    public double MovingAverageDecay { get; } = movingAverageDecay is >= 0 and < 1
        ? movingAverageDecay
        : throw new ArgumentOutOfRangeException(nameof(movingAverageDecay), movingAverageDecay, "The moving-average decay must be in [0, 1).");

    public BernoulliEstimator Kind => Baseline switch
    {
        ReinforceBaseline.None => BernoulliEstimator.Reinforce,
        ReinforceBaseline.LeaveOneOut => BernoulliEstimator.ReinforceLeaveOneOut,
        _ => BernoulliEstimator.ReinforceMovingAverage,
    };

    public int LossEvaluationsPerSample => 1;

    public Tensor Surrogate(Tensor logits, Func<Tensor, Tensor> loss, int samples, double temperature, Generator generator)
    {
        if (Baseline == ReinforceBaseline.LeaveOneOut && samples < 2)
            throw new ArgumentOutOfRangeException(nameof(samples), samples, "The leave-one-out baseline needs at least 2 samples per position; use 'reinforce-ema' for one sample.");
        using var scope = NewDisposeScope();
        var code = BernoulliLatent.HardCode(logits, BernoulliLatent.Uniform(logits, samples, generator));   // (S, ..., L)
        var value = BernoulliLatent.Evaluate(loss, code);                                                  // (S, ...)
        var advantage = value.detach().sub(BaselineFor(value.detach()));                                   // (S, ...)
        var logQ = BernoulliLatent.LogProbability(logits, code);                                           // (S, ...)
        var score = advantage.mul(logQ.sub(logQ.detach()));                                               // value 0, gradient (f - b)(z - q)
        return BernoulliLatent.MeanOverSamples(value.add(score)).MoveToOuterDisposeScope();
    }

    /// <summary>b for every sample (S, ...), computed from detached losses.</summary>
    private Tensor BaselineFor(Tensor value)
    {
        int samples = (int)value.shape[0];
        switch (Baseline)
        {
            case ReinforceBaseline.LeaveOneOut:
                using (var others = ((double)(samples - 1)).ToScalar())
                    return value.sum([0], keepdim: true).sub(value).div(others);   // (sum - f_s) / (S - 1)
            case ReinforceBaseline.MovingAverage:
                var current = average is null ? zeros_like(value[0]) : average.clone();
                UpdateAverage(value.mean([0]));
                return current.unsqueeze(0).expand_as(value);
            default:
                return zeros_like(value);
        }
    }

    private void UpdateAverage(Tensor meanLoss)
    {
        if (average is not null && !average.shape.SequenceEqual(meanLoss.shape))
            throw new InvalidOperationException(
                $"The moving-average baseline keeps one average per batch position; the batch shape changed from ({string.Join(", ", average.shape)}) " +
                $"to ({string.Join(", ", meanLoss.shape)}). Use a new estimator per batch shape, or the leave-one-out baseline.");
        using var keep = MovingAverageDecay.ToScalar();
        using var take = (1 - MovingAverageDecay).ToScalar();
        var next = average is null ? meanLoss.clone() : average.mul(keep).add(meanLoss.mul(take));
        average?.Dispose();
        average = next.DetachFromDisposeScope();
    }

    public void Dispose()
    {
        average?.Dispose();
        average = null;
    }
}
