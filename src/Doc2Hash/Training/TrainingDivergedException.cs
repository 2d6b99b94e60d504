using System.Globalization;
using Doc2Hash.Hashing.Neural;

namespace Doc2Hash.Training;

/// <summary>
/// A minibatch loss came out NaN or infinite, so training has diverged: every later step would only spread the
/// non-finite values through the weights, and the run would end with codes of chance-level precision recorded as
/// if they were a result. The trainer stops at the first such step; <see cref="Doc2Hash.Experiments.Experiment"/>
/// then marks the run folder failed. An <see cref="InvalidOperationException"/>, so the CLI reports it in one paragraph.
/// </summary>
public sealed class TrainingDivergedException : InvalidOperationException
{
    public TrainingDivergedException(int epoch, long step, string term, double value)
        : base(Compose(epoch, step, term, value))
    {
        Epoch = epoch;
        Step = step;
        Term = term;
        Value = value;
    }

    /// <summary>0-based epoch of the failing step (the message counts from 1, as the progress lines do).</summary>
    public int Epoch { get; }
    /// <summary>Global optimiser step (0-based) whose loss was not finite.</summary>
    public long Step { get; }
    /// <summary>The first non-finite loss term, or <see cref="LossTerms.TotalName"/> when every named term is finite.</summary>
    public string Term { get; }
    public double Value { get; }

    /// <summary>
    /// Throws when a step's loss is not finite, naming the first non-finite term (the cause) before the total
    /// (which a non-finite weight can make NaN even when every term is finite).
    /// </summary>
    public static void ThrowIfNotFinite(StepContext context, double total, IEnumerable<KeyValuePair<string, double>> terms)
    {
        foreach (var (name, value) in terms)
            if (!double.IsFinite(value)) throw new TrainingDivergedException(context.Epoch, context.Step, name, value);
        if (!double.IsFinite(total)) throw new TrainingDivergedException(context.Epoch, context.Step, LossTerms.TotalName, total);
    }

    private static string Compose(int epoch, long step, string term, double value) =>
        string.Create(CultureInfo.InvariantCulture, $"Training diverged at epoch {epoch + 1}, step {step}: the loss term '{term}' is {Describe(value)}. ") +
        "The run is stopped and marked failed; its checkpoints are not a result. Lower the learning rate (--lr), check that every " +
        "option value (learning rate, KL weight, temperatures) is a finite number, and start a new run.";

    private static string Describe(double value) => double.IsNaN(value) ? "NaN" : value > 0 ? "+Infinity" : "-Infinity";
}
