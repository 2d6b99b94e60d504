namespace Doc2Hash.Notebooks;

/// <summary>
/// A path as a notebook's output shows it. Executed notebooks are committed and read on other machines, where the
/// absolute paths of the machine that ran them mean nothing: a path inside the clone is shown relative to the clone
/// root (<c>runs/ng20/doc2hash-32b-seed1-...</c>, <c>results/runs</c>), a path under the home folder as
/// <c>~/...</c>, anything else as given. Display only: code keeps using the full paths.
/// </summary>
public static class ShownPath
{
    /// <summary>The file that marks the clone root.</summary>
    public const string CloneMarker = "Doc2Hash.sln";

    /// <summary><paramref name="path"/> relative to the clone holding the current directory, or to the home folder.</summary>
    public static string Of(string path) =>
        Of(path, CloneRoot(Environment.CurrentDirectory), Environment.GetFolderPath(Environment.SpecialFolder.UserProfile));

    /// <summary>The rule of <see cref="Of(string)"/> with the clone root and home folder given (either may be null).</summary>
    public static string Of(string path, string? cloneRoot, string? home)
    {
        string full = Path.GetFullPath(path);
        if (Inside(full, cloneRoot) is { } inClone) return inClone.Length == 0 ? "." : inClone;
        if (Inside(full, home) is { } inHome) return inHome.Length == 0 ? "~" : "~/" + inHome;
        return full;
    }

    /// <summary>The nearest folder at or above <paramref name="start"/> holding <see cref="CloneMarker"/>, or null.</summary>
    public static string? CloneRoot(string start)
    {
        for (var folder = new DirectoryInfo(Path.GetFullPath(start)); folder is not null; folder = folder.Parent)
            if (File.Exists(Path.Combine(folder.FullName, CloneMarker))) return folder.FullName;
        return null;
    }

    /// <summary>The part of <paramref name="full"/> below <paramref name="root"/> with '/' separators, or null if outside.</summary>
    private static string? Inside(string full, string? root)
    {
        if (string.IsNullOrEmpty(root)) return null;
        string relative = Path.GetRelativePath(Path.GetFullPath(root), full);
        if (relative == ".") return "";
        if (relative == ".." || relative.StartsWith(".." + Path.DirectorySeparatorChar, StringComparison.Ordinal) || Path.IsPathRooted(relative))
            return null;
        return relative.Replace(Path.DirectorySeparatorChar, '/');
    }
}
