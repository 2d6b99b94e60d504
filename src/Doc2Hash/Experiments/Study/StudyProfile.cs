namespace Doc2Hash.Experiments.Study;

/// <summary>
/// What a study runs: datasets x methods x bit lengths x seeds (the main grid) plus each named ablation at
/// <see cref="AblationBits"/> for every seed. <see cref="Quick"/> and <see cref="Paper"/> are the two named profiles;
/// every list can be narrowed from the CLI.
/// </summary>
public sealed record StudyProfile
{
    public required string Name { get; init; }
    public IReadOnlyList<string> Datasets { get; init; } = ["ng20", "reuters"];
    public required IReadOnlyList<string> Methods { get; init; }
    public required IReadOnlyList<int> Bits { get; init; }
    public required IReadOnlyList<int> Seeds { get; init; }

    /// <summary>Epoch budget of every neural run; null keeps each method's preset (the paper's 100 for Doc2hash).</summary>
    public int? Epochs { get; init; }

    /// <summary>Ablation names (see <see cref="StudyCatalog.Ablations"/>).</summary>
    public IReadOnlyList<string> Ablations { get; init; } = [];

    /// <summary>Code length of the ablation runs (the issue: 32 bits).</summary>
    public int AblationBits { get; init; } = 32;

    /// <summary>Torch device of every run.</summary>
    public string Device { get; init; } = "cpu";

    /// <summary>
    /// Real corpora and real training, a few epochs, three seeds, three code lengths and the KL-form ablation: the
    /// README's first command, about 10 minutes on a 2-core machine (the estimate is printed before it starts).
    /// </summary>
    public static StudyProfile Quick { get; } = new()
    {
        Name = "quick",
        Methods = [StudyCatalog.Doc2Hash],
        Bits = [16, 32, 64],
        Seeds = [1, 2, 3],
        Epochs = 3,
        Ablations = ["kl-form"],
    };

    /// <summary>
    /// The paper's settings: every catalog method with its preset epochs (100 for Doc2hash), 8-128 bits, three seeds,
    /// every ablation.
    /// </summary>
    public static StudyProfile Paper { get; } = new()
    {
        Name = "paper",
        Methods = StudyCatalog.Methods,
        Bits = [8, 16, 32, 64, 128],
        Seeds = [1, 2, 3],
        Epochs = null,
        Ablations = [.. StudyCatalog.Ablations.Select(a => a.Name)],
    };

    public static IReadOnlyList<StudyProfile> All { get; } = [Quick, Paper];

    public static StudyProfile Named(string name) =>
        All.FirstOrDefault(p => p.Name == name.Trim().ToLowerInvariant())
        ?? throw new ArgumentException($"Unknown profile '{name}'. Use one of: {string.Join(", ", All.Select(p => p.Name))}.");

    public void Validate()
    {
        void NonEmpty<T>(IReadOnlyList<T> list, string what)
        {
            if (list.Count == 0) throw new ArgumentException($"Profile '{Name}' has no {what}; give at least one.");
        }
        NonEmpty(Datasets, "datasets");
        NonEmpty(Methods, "methods");
        NonEmpty(Bits, "bit lengths");
        NonEmpty(Seeds, "seeds");
        foreach (int b in Bits.Append(AblationBits))
            if (b is < 1 or > StudyCatalog.MaxBits)
                throw new ArgumentException($"Code length {b} is outside 1..{StudyCatalog.MaxBits} bits.");
        if (Epochs is < 1) throw new ArgumentException($"The epoch budget must be at least 1 (got {Epochs}).");
        foreach (string ablation in Ablations) StudyCatalog.Ablation(ablation);
        foreach (string method in Methods) StudyCatalog.CheckMethod(method);
    }
}
