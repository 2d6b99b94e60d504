using Doc2Hash.Data;
using Doc2Hash.Data.Acquisition;

namespace Doc2Hash.Tests.Data;

/// <summary>
/// The offline corpus mirror for integration tests: DOC2HASH_DATA_MIRROR, else a folder shared/data beside the
/// repository root or beside one of its parents (git worktrees sit one level deeper than the main clone).
/// </summary>
public static class MirrorFolder
{
    public static string Locate()
    {
        string? configured = Environment.GetEnvironmentVariable(DataDirectories.MirrorVariable);
        if (!string.IsNullOrWhiteSpace(configured)) return configured;
        string? root = DataDirectories.FindRepositoryRoot();
        for (var folder = root is null ? null : Directory.GetParent(root); folder is not null; folder = folder.Parent)
        {
            string candidate = Path.Combine(folder.FullName, "shared", "data");
            if (Directory.Exists(candidate)) return candidate;
        }
        throw new InvalidOperationException(
            $"Integration tests need the corpus mirror: set {DataDirectories.MirrorVariable} or place it at ../shared/data next to the repository.");
    }

    /// <summary>Options that read only the mirror: an empty private cache, no downloads.</summary>
    public static DataOptions Options(TempFolder cache) =>
        new() { DataRoot = cache.Path, MirrorDirectory = Locate(), AllowDownload = false };
}
