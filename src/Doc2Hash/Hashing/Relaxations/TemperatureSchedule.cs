using System.ComponentModel;
using Doc2Hash.Configuration;

namespace Doc2Hash.Hashing.Relaxations;

/// <summary>When a schedule advances.</summary>
public enum AnnealEvery
{
    /// <summary>After every minibatch (the authors' code).</summary>
    Step,

    /// <summary>After every epoch.</summary>
    Epoch,
}

/// <summary>
/// Exponential temperature annealing with a floor: tau(t) = max(Initial * Rate^t, Floor), t counting steps or
/// epochs from 0. The authors update <c>tau = max(0.96 * tau, 0.1)</c> after every minibatch starting from 1.0, which
/// is the same sequence (the floor is reached at t = 57, the first t with 0.96^t &lt;= 0.1).
/// </summary>
public sealed record TemperatureSchedule
{
    /// <summary>tau at t = 0 (authors' Doc2hash: 1.0; Doc2hash-S: 0.2).</summary>
    [Description("Initial Gumbel-Softmax temperature.")]
    public double Initial { get; init; } = 1.0;

    /// <summary>Multiplicative decay per step or epoch (authors: 0.96).</summary>
    [Description("Multiplicative temperature decay per step (or per epoch with --tau-every epoch).")]
    public double Rate { get; init; } = 0.96;

    /// <summary>Lowest temperature ever used (authors: 0.1).</summary>
    [Description("Lowest temperature ever used.")]
    [OptionName("min")]
    public double Floor { get; init; } = 0.1;

    /// <summary>Whether t counts minibatches or epochs (authors: minibatches).</summary>
    [Description("When the temperature decays: step (after every minibatch, the authors) or epoch.")]
    public AnnealEvery Every { get; init; } = AnnealEvery.Step;

    /// <summary>
    /// Checks the schedule before a run starts (options named with <paramref name="prefix"/>, e.g. "--tau"): the
    /// temperature divides the logits, so the start and the floor must be positive, and the decay a factor in (0, 1]
    /// (1 = constant; above 1 the temperature would grow without bound). Non-finite values are refused for every
    /// setting at once (MethodSettings.Validate).
    /// </summary>
    public void Validate(string prefix)
    {
        if (Initial <= 0)
            throw new ArgumentException($"{prefix}-initial must be a positive temperature (got {Initial}); the authors start at 1.0 (Doc2hash) or 0.2 (Doc2hash-S).");
        if (Floor <= 0)
            throw new ArgumentException($"{prefix}-min must be a positive temperature (got {Floor}); the authors use 0.1.");
        if (Rate is <= 0 or > 1)
            throw new ArgumentException($"{prefix}-rate must be in (0, 1] (got {Rate}); the authors decay by 0.96 per step, 1 keeps the temperature constant.");
        if (!Enum.IsDefined(Every)) throw new ArgumentException($"{prefix}-every {(int)Every} is not one of {string.Join(", ", OptionValues.Spellings(typeof(AnnealEvery)))}.");
    }

    /// <summary>The temperature used at global (0-based) step <paramref name="step"/> of (0-based) epoch <paramref name="epoch"/>.</summary>
    public double At(long step, int epoch)
    {
        if (Initial <= 0 || Floor <= 0 || Rate <= 0)
            throw new InvalidOperationException($"Temperature schedule needs positive Initial, Rate and Floor (got {Initial}, {Rate}, {Floor}).");
        long t = Every == AnnealEvery.Step ? step : epoch;
        return Math.Max(Initial * Math.Pow(Rate, t), Floor);
    }
}
