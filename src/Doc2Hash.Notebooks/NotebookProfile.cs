namespace Doc2Hash.Notebooks;

/// <summary>
/// How much work a notebook does, set by its <c>profile</c> parameter: <see cref="Quick"/> runs the same code paths
/// on a small budget (few epochs, short tables; CI runs every notebook this way), <see cref="Paper"/> uses the
/// paper's settings (the executed copies committed under results/notebooks/).
/// </summary>
public sealed record NotebookProfile
{
    private NotebookProfile(string name) => Name = name;

    public static NotebookProfile Quick { get; } = new("quick");

    public static NotebookProfile Paper { get; } = new("paper");

    public string Name { get; }

    public bool IsQuick => this == Quick;

    /// <summary>The value for this profile: <c>profile.Choose(quick: 2, paper: 100)</c>.</summary>
    public T Choose<T>(T quick, T paper) => IsQuick ? quick : paper;

    /// <summary>
    /// The notebook's profile from its <c>profile</c> parameter. Parsing "quick" also stops saving shown figures to
    /// results/figures (<see cref="NotebookFormatters.FiguresDirectory"/>): a quick run is a CI check, and its small-budget
    /// figures must neither dirty a clean checkout nor replace the paper-profile figures committed there.
    /// </summary>
    public static NotebookProfile Parse(string name)
    {
        var profile = name switch
        {
            "quick" => Quick,
            "paper" => Paper,
            _ => throw new ArgumentException($"Unknown profile \"{name}\"; use \"quick\" (small, for CI) or \"paper\" (the paper's settings).", nameof(name)),
        };
        if (profile.IsQuick) NotebookFormatters.FiguresDirectory = null;
        return profile;
    }

    public override string ToString() => Name;
}
