namespace Doc2Hash.Data.Acquisition;

/// <summary>
/// The folders the kit reads corpora from: the local cache root (raw files under <c>raw/</c>) and the optional
/// offline mirror. Explicit options win over environment variables, which win over the defaults.
/// </summary>
public sealed record DataDirectories(string Root, string? Mirror)
{
    public const string DataDirVariable = "DOC2HASH_DATA_DIR";
    public const string MirrorVariable = "DOC2HASH_DATA_MIRROR";
    public const string SolutionFileName = "Doc2Hash.sln";

    /// <summary>Where downloaded (or hand-placed) source files live: <c>&lt;root&gt;/raw</c>.</summary>
    public string RawDirectory => Path.Combine(Root, "raw");

    /// <summary>The cache location of a source file given by its canonical relative path.</summary>
    public string RawPath(string relativePath) => Path.Combine(RawDirectory, ToNative(relativePath));

    /// <summary>The mirror location of a source file, or null when no mirror is configured.</summary>
    public string? MirrorPath(string relativePath) => Mirror is null ? null : Path.Combine(Mirror, ToNative(relativePath));

    public static DataDirectories Resolve(DataOptions options) =>
        new(Path.GetFullPath(ResolveRoot(options.DataRoot)), ResolveMirror(options.MirrorDirectory));

    static string ResolveRoot(string? explicitRoot)
    {
        if (!string.IsNullOrWhiteSpace(explicitRoot)) return explicitRoot;
        string? fromEnvironment = Environment.GetEnvironmentVariable(DataDirVariable);
        if (!string.IsNullOrWhiteSpace(fromEnvironment)) return fromEnvironment;
        string? repositoryRoot = FindRepositoryRoot();
        if (repositoryRoot is not null) return Path.Combine(repositoryRoot, "data");
        // Outside a clone (e.g. a notebook referencing the DLL from elsewhere): the XDG-style user cache.
        return Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".cache", "doc2hash");
    }

    static string? ResolveMirror(string? explicitMirror)
    {
        if (!string.IsNullOrWhiteSpace(explicitMirror)) return Path.GetFullPath(explicitMirror);
        string? fromEnvironment = Environment.GetEnvironmentVariable(MirrorVariable);
        return string.IsNullOrWhiteSpace(fromEnvironment) ? null : Path.GetFullPath(fromEnvironment);
    }

    /// <summary>
    /// The clone this process runs in: the first folder holding Doc2Hash.sln above the current directory or above
    /// the assembly (tests and the CLI run from bin/ folders deep inside the clone).
    /// </summary>
    public static string? FindRepositoryRoot() =>
        FindUpwards(Directory.GetCurrentDirectory()) ?? FindUpwards(AppContext.BaseDirectory);

    static string? FindUpwards(string start)
    {
        for (var folder = new DirectoryInfo(start); folder is not null; folder = folder.Parent)
        {
            if (File.Exists(Path.Combine(folder.FullName, SolutionFileName))) return folder.FullName;
        }
        return null;
    }

    static string ToNative(string relativePath) => relativePath.Replace('/', Path.DirectorySeparatorChar);
}
