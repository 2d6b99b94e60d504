namespace Doc2Hash.IO;

/// <summary>
/// Writes a file so that readers see either the old file or the complete new one, never a partial one: the content
/// goes to a hidden temporary file in the same folder, is flushed to disk, and is then renamed over the target.
/// On every failure path (the writer throws, the disk fills up, the stream fails on flush or close, the rename fails)
/// the temporary file is deleted and the target is untouched. A process killed mid-write leaves the target intact and
/// at most a hidden <c>.name.*.tmp</c> file (see <see cref="TemporaryPathFor"/>). For several files that belong
/// together see <see cref="AtomicFileSet"/>.
/// </summary>
public static class AtomicFile
{
    /// <param name="path">The target file; its folder is created if missing.</param>
    /// <param name="writeContent">Writes the whole content to the given stream.</param>
    /// <param name="overwrite">Replace an existing target; when false an existing target is an error.</param>
    public static void Write(string path, Action<Stream> writeContent, bool overwrite)
    {
        string target = Path.GetFullPath(path);
        if (!overwrite && File.Exists(target))
            throw new IOException($"'{target}' already exists. Choose another path or allow overwriting it.");
        Commit(WriteTemporary(target, writeContent), target, overwrite);
    }

    /// <summary>Writes UTF-8 text atomically, replacing an existing file (for run records that are updated in place).</summary>
    public static void WriteAllText(string path, string contents) =>
        Write(path, stream => stream.Write(System.Text.Encoding.UTF8.GetBytes(contents)), overwrite: true);

    /// <summary>Writes bytes atomically, replacing an existing file (for generated files such as figures).</summary>
    public static void WriteAllBytes(string path, byte[] contents)
    {
        ArgumentNullException.ThrowIfNull(contents);
        Write(path, stream => stream.Write(contents), overwrite: true);
    }

    /// <summary>
    /// First half of an atomic write: the complete content in a flushed temporary file next to the target, whose
    /// path is returned. Nothing is left behind if writing throws; an I/O failure (e.g. a full disk) is reported
    /// against the target, saying that nothing was changed. Finish with <see cref="Commit"/>.
    /// </summary>
    public static string WriteTemporary(string path, Action<Stream> writeContent)
    {
        string target = Path.GetFullPath(path);
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        string temporary = TemporaryPathFor(target);
        try
        {
            // Disposed inside the try: closing flushes the last buffer, which is where a full disk often shows up.
            using var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None);
            writeContent(stream);
            stream.Flush(flushToDisk: true);
        }
        catch (IOException error) when (error is not FileNotFoundException and not DirectoryNotFoundException)
        {
            TryDelete(temporary);
            throw new IOException($"Writing '{target}' failed: {error.Message} Nothing was changed: the previous file (if any) is intact " +
                                  "and the partial temporary file was removed. Free disk space or choose another folder, then try again.", error);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
        return temporary;
    }

    /// <summary>Second half: renames the temporary file over the target (deleting the temporary file on failure).</summary>
    public static void Commit(string temporary, string path, bool overwrite)
    {
        try
        {
            File.Move(temporary, Path.GetFullPath(path), overwrite);
        }
        catch
        {
            TryDelete(temporary);
            throw;
        }
    }

    /// <summary>A unique hidden name next to the target, so the final rename stays on one file system.</summary>
    public static string TemporaryPathFor(string target) =>
        Path.Combine(Path.GetDirectoryName(target)!, $".{Path.GetFileName(target)}.{Guid.NewGuid():N}.tmp");

    /// <summary>
    /// Deletes a file on a failure path without letting a second error hide the first (the exception being handled
    /// is the one the caller needs to see).
    /// </summary>
    internal static void TryDelete(string path)
    {
        try
        {
            File.Delete(path);
        }
        catch (Exception error) when (error is IOException or UnauthorizedAccessException)
        {
            // The original failure is rethrown by the caller; a leftover temporary file is hidden and uniquely named.
        }
    }
}
