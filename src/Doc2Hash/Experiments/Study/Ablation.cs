namespace Doc2Hash.Experiments.Study;

/// <summary>
/// One setting of an ablation: a name and the command-line options (as `doc2hash train` spells them, without dashes)
/// it sets on top of the study's main configuration.
/// </summary>
public sealed record AblationVariant(string Name, string Description, IReadOnlyDictionary<string, string> Options);

/// <summary>
/// A named ablation: variants of one switch, each applied to the main configuration of every method it applies to
/// (the other settings stay those of the main grid, so a variant that equals the main setting is the same run).
/// </summary>
public sealed record Ablation(string Name, string Question, IReadOnlyList<string> Methods, IReadOnlyList<AblationVariant> Variants)
{
    public AblationVariant Variant(string name) =>
        Variants.FirstOrDefault(v => v.Name == name)
        ?? throw new ArgumentException($"Ablation '{Name}' has no variant '{name}'; its variants are: {string.Join(", ", Variants.Select(v => v.Name))}.");
}
