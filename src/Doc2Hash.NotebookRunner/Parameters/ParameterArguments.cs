namespace Doc2Hash.NotebookRunner.Parameters;

/// <summary>Command-line parameters: repeated <c>name=value</c> pairs, plus <c>--profile</c> as the parameter <c>profile</c>.</summary>
public static class ParameterArguments
{
    public const string ProfileParameter = "profile";

    public static IReadOnlyDictionary<string, string> Parse(IEnumerable<string> pairs, string? profile)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (string pair in pairs)
        {
            int equals = pair.IndexOf('=');
            if (equals <= 0)
                throw new ParameterException($"Parameter \"{pair}\" is not of the form name=value (for example -p epochs=3).");
            string name = pair[..equals].Trim();
            if (!values.TryAdd(name, pair[(equals + 1)..]))
                throw new ParameterException($"Parameter '{name}' is given twice; give it once.");
        }
        if (profile is not null && !values.TryAdd(ProfileParameter, profile))
            throw new ParameterException($"The profile is given both as --profile and as -p {ProfileParameter}=...; give it once.");
        return values;
    }
}
