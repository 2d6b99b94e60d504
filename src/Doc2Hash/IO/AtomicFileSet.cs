namespace Doc2Hash.IO;

/// <summary>
/// Writes a set of files that belong together (e.g. the train, validation and test codes of one encoding) all or
/// nothing, so a reader never finds a mix of old and new files:
/// <list type="number">
/// <item>every target is checked first (an existing one is an error unless overwriting is allowed): nothing is written when one is refused;</item>
/// <item>every file is written to a flushed temporary file next to its target (<see cref="AtomicFile.WriteTemporary"/>); if any write fails, all temporary files are deleted and no target is touched;</item>
/// <item>existing targets are renamed to hidden backups, the temporary files renamed into place, and only then are the backups deleted. If a rename fails, the files already placed are removed and the backups renamed back, so the old set is restored.</item>
/// </list>
/// Step 3 consists of renames only (metadata, microseconds). A process killed during it can leave a mixed set, with
/// the old files still present as hidden <c>.name.*.bak</c> files next to them; a kill at any other moment leaves the
/// old set intact (plus, at worst, hidden <c>.tmp</c> files).
/// </summary>
public static class AtomicFileSet
{
    /// <param name="files">Each target path with the action that writes its whole content.</param>
    /// <param name="overwrite">Replace existing targets; when false any existing target is an error and nothing is written.</param>
    public static void Write(IReadOnlyList<(string Path, Action<Stream> WriteContent)> files, bool overwrite)
    {
        var targets = files.Select(f => Path.GetFullPath(f.Path)).ToArray();
        CheckTargets(targets, overwrite);
        var temporaries = new List<string>();
        try
        {
            for (int i = 0; i < files.Count; i++)
                temporaries.Add(AtomicFile.WriteTemporary(targets[i], files[i].WriteContent));
        }
        catch
        {
            temporaries.ForEach(AtomicFile.TryDelete);
            throw;
        }
        Replace(targets, temporaries);
    }

    private static void CheckTargets(string[] targets, bool overwrite)
    {
        var repeated = targets.GroupBy(t => t, StringComparer.Ordinal).Where(g => g.Count() > 1).Select(g => g.Key).ToList();
        if (repeated.Count > 0)
            throw new ArgumentException($"A file set names the same file twice: {string.Join(", ", repeated)}.", nameof(targets));
        var existing = targets.Where(File.Exists).ToList();
        if (!overwrite && existing.Count > 0)
            throw new IOException($"{string.Join(", ", existing.Select(t => $"'{t}'"))} already exist{(existing.Count == 1 ? "s" : "")}; " +
                                  "nothing was written. Choose another output, remove them, or allow overwriting (--force).");
        var folders = targets.Where(Directory.Exists).ToList();
        if (folders.Count > 0)
            throw new IOException($"{string.Join(", ", folders.Select(t => $"'{t}'"))} is a folder, not a file; nothing was written.");
    }

    /// <summary>Step 3: old targets aside, new files in, old ones deleted; any failure restores the old set.</summary>
    private static void Replace(string[] targets, List<string> temporaries)
    {
        var backups = new List<(string Target, string Backup)>();
        var placed = new List<string>();
        try
        {
            for (int i = 0; i < targets.Length; i++)
            {
                if (File.Exists(targets[i]))
                {
                    string backup = BackupPathFor(targets[i]);
                    File.Move(targets[i], backup);
                    backups.Add((targets[i], backup));
                }
                File.Move(temporaries[i], targets[i]);
                placed.Add(targets[i]);
            }
        }
        catch
        {
            placed.ForEach(AtomicFile.TryDelete);
            foreach (var (target, backup) in backups) TryRestore(backup, target);
            temporaries.ForEach(AtomicFile.TryDelete);
            throw;
        }
        foreach (var (_, backup) in backups) AtomicFile.TryDelete(backup);
    }

    private static void TryRestore(string backup, string target)
    {
        try
        {
            File.Move(backup, target, overwrite: true);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The backup keeps the old content under its hidden name; the exception being handled is reported.
        }
    }

    /// <summary>A unique hidden name next to the target for its previous version while the set is replaced.</summary>
    public static string BackupPathFor(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.bak");
}
