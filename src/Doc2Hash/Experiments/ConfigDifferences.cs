using Doc2Hash.Configuration;

namespace Doc2Hash.Experiments;

/// <summary>One setting of a run that differs from a reference configuration, named as its command-line option.</summary>
public readonly record struct ConfigDifference(string Name, string Value)
{
    public override string ToString() => $"{Name}={Value}";
}

/// <summary>
/// Which settings of a run differ from a reference configuration of the same method (e.g. its preset), compared
/// option by option through the method's <see cref="SettingsSchema"/>, so each difference reads as the `train` option
/// that reproduces it ("kl-form=authors, epochs=3"). Tables use it to show every hyperparameter that differs from the
/// method's preset.
/// </summary>
public static class ConfigDifferences
{
    /// <summary>Options that identify a run rather than a hyperparameter: never listed.</summary>
    public static IReadOnlyList<string> Identity { get; } = ["seed", "bits"];

    /// <summary>Every option of <paramref name="run"/> whose value differs from <paramref name="reference"/>, in schema order.</summary>
    public static IReadOnlyList<ConfigDifference> Between(RunConfig reference, RunConfig run)
    {
        ArgumentNullException.ThrowIfNull(reference);
        ArgumentNullException.ThrowIfNull(run);
        if (reference.Method != run.Method)
            throw new ArgumentException($"Settings of '{run.Method}' cannot be compared with those of '{reference.Method}'.", nameof(run));
        var expected = SettingsSchema.Of(reference.Settings);
        return [.. SettingsSchema.Of(run.Settings).Settings
            .Where(s => !Identity.Contains(s.Name))
            .Select(s => (s.Name, Value: s.Format(run.Settings), Reference: expected.Find(s.Name)?.Format(reference.Settings)))
            .Where(s => s.Value != s.Reference)
            .Select(s => new ConfigDifference(s.Name, s.Value))];
    }

    /// <summary>"kl-form=authors, epochs=3", or "preset" when nothing differs.</summary>
    public static string Describe(IReadOnlyList<ConfigDifference> differences) =>
        differences.Count == 0 ? "preset" : string.Join(", ", differences);
}
