namespace Doc2Hash.Training;

/// <summary>The command-line spellings of <see cref="OptimizerKind"/> (train and bench training).</summary>
public static class OptimizerNames
{
    public const string Adam = "adam";
    public const string LazyAdam = "lazy-adam";

    public static IReadOnlyList<string> All { get; } = [Adam, LazyAdam];

    public static string Of(OptimizerKind kind) => kind == OptimizerKind.LazyAdam ? LazyAdam : Adam;

    public static OptimizerKind Parse(string name) => name switch
    {
        Adam => OptimizerKind.Adam,
        LazyAdam => OptimizerKind.LazyAdam,
        _ => throw new ArgumentException($"Unknown optimizer '{name}'; use one of: {string.Join(", ", All)}."),
    };
}
