namespace Doc2Hash.Experiments.Study;

/// <summary>
/// One point of the study grid before it becomes a configuration: a method at a code length and seed on a dataset,
/// optionally as one variant of an ablation. A resolver (<see cref="StudyCatalog.Resolver"/>) turns it into the full
/// <see cref="RunConfig"/>, so the grid does not depend on any method's settings.
/// </summary>
public sealed record GridCell(string Method, string Dataset, int Bits, int Seed, string? Ablation = null, string? Variant = null)
{
    public override string ToString() =>
        $"{Dataset} {Method} {Bits}b seed {Seed}" + (Ablation is null ? "" : $" [{Ablation}: {Variant}]");
}

/// <summary>A grid cell resolved to its configuration (data fingerprint included) and that configuration's key.</summary>
/// <param name="Aliases">Other cells that resolved to the same configuration (e.g. an ablation's baseline variant = a main cell).</param>
public sealed record PlannedRun(GridCell Cell, RunConfig Config, string Key, IReadOnlyList<GridCell> Aliases)
{
    public override string ToString() => Cell.ToString();
}
