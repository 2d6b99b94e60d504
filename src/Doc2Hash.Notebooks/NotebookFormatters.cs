namespace Doc2Hash.Notebooks;

/// <summary>Kernel formatters for the kit's types (figures arrive with the figures module).</summary>
public static class NotebookFormatters
{
    /// <summary>Registers the formatters (idempotent); returns a one-line description for the setup line.</summary>
    public static string Register() => "figures: static PNG";
}
