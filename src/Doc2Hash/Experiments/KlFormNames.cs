using Doc2Hash.Hashing.Relaxations;

namespace Doc2Hash.Experiments;

/// <summary>Short names of the KL forms for tables and the CLI.</summary>
public static class KlFormNames
{
    public static string Of(KlForm form) => form == KlForm.PerBit ? "per-bit" : "authors";

    public static KlForm Parse(string name) => name.Trim().ToLowerInvariant() switch
    {
        "per-bit" => KlForm.PerBit,
        "authors" => KlForm.AuthorsFlatSoftmax,
        _ => throw new ArgumentException($"Unknown KL form '{name}'. Use per-bit or authors."),
    };
}
