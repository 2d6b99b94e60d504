using System.ComponentModel;

namespace Doc2Hash.Hashing.Neural;

/// <summary>
/// A loss weight that starts at <see cref="Initial"/> and grows by <see cref="Increment"/> per minibatch up to
/// <see cref="Max"/>: w(t) = min(Initial + t * Increment, Max) at 0-based step t (the value used before the t-th
/// increment, as scripts that update the weight after each step). Increment 0 is a constant weight.
/// </summary>
public sealed record WeightRamp
{
    [Description("Weight at the first step.")]
    public double Initial { get; init; }

    [Description("Increase per minibatch (0 = constant).")]
    public double Increment { get; init; }

    [Description("Largest weight.")]
    public double Max { get; init; } = 1.0;

    public double At(long step) => Math.Min(Initial + step * Increment, Max);

    public void Validate(string name)
    {
        if (Initial < 0 || Increment < 0 || Max < Initial)
            throw new ArgumentException($"{name} needs initial >= 0, increment >= 0 and max >= initial (got {Initial}, {Increment}, {Max}).");
    }
}
