namespace Doc2Hash.Data.Acquisition;

/// <summary>Tar member names as archivers write them: with or without a leading "./", always '/'-separated.</summary>
public static class TarNames
{
    public static string Normalize(string name) => name.StartsWith("./", StringComparison.Ordinal) ? name[2..] : name;
}
