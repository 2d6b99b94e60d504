namespace Doc2Hash.Experiments;

/// <summary>
/// The committed run records: the small files of each finished run (config, summary, per-epoch metrics, per-query
/// precision, curve, bit usage; never checkpoints) copied to <c>results/runs/&lt;dataset&gt;/&lt;run-name&gt;/</c>, so
/// that tables and figures can be rebuilt on a fresh clone and a narrowed `reproduce` adds to them instead of
/// replacing them. A record appears all at once: its files are copied into a hidden temporary folder beside the
/// target, which is then renamed into place (a rename within one folder is atomic).
/// </summary>
public static class RunRecordStore
{
    /// <summary>Where committed records live, relative to the repository root.</summary>
    public const string DefaultDirectory = "results/runs";

    /// <summary>The files a record keeps (those a run has; config.json and summary.json are required).</summary>
    public static IReadOnlyList<string> Files { get; } =
    [
        RunFolder.ConfigFile, RunFolder.SummaryFile, RunFolder.MetricsFile,
        RunResults.QueryPrecisionFile, RunResults.CurveFile, RunResults.BitUsageFile, RunFolder.FailedFile,
    ];

    /// <summary>
    /// Copies the record of a finished run to <paramref name="recordsDirectory"/>/&lt;dataset folder&gt;/&lt;run name&gt;,
    /// replacing an earlier record of the same run. Returns the record's folder.
    /// </summary>
    public static string Commit(RunFolder run, string recordsDirectory)
    {
        ArgumentNullException.ThrowIfNull(run);
        foreach (string required in new[] { RunFolder.ConfigFile, RunFolder.SummaryFile })
            if (!File.Exists(Path.Combine(run.Path, required)))
                throw new InvalidOperationException($"Run '{run.Path}' has no {required}; only finished runs are committed to {recordsDirectory}.");
        // The dataset folder is the run's parent folder name (a dataset given as a path never becomes a path here).
        string datasetFolder = Path.GetFileName(Path.GetDirectoryName(run.Path)!);
        string parent = Path.GetFullPath(Path.Combine(recordsDirectory, datasetFolder));
        string target = Path.Combine(parent, Path.GetFileName(run.Path));
        if (string.Equals(target, run.Path, StringComparison.Ordinal)) return target;   // already a record
        Directory.CreateDirectory(parent);
        string staging = Path.Combine(parent, $".{Path.GetFileName(run.Path)}.{Guid.NewGuid():N}.tmp");
        try
        {
            Directory.CreateDirectory(staging);
            foreach (string file in Files)
            {
                string source = Path.Combine(run.Path, file);
                if (File.Exists(source)) File.Copy(source, Path.Combine(staging, file));
            }
            Replace(staging, target);
        }
        finally
        {
            if (Directory.Exists(staging)) Directory.Delete(staging, recursive: true);
        }
        return target;
    }

    // An existing record is moved aside first and deleted only once the new one is in place.
    private static void Replace(string staging, string target)
    {
        if (!Directory.Exists(target))
        {
            Directory.Move(staging, target);
            return;
        }
        string old = staging + ".old";
        Directory.Move(target, old);
        try
        {
            Directory.Move(staging, target);
        }
        catch
        {
            Directory.Move(old, target);
            throw;
        }
        Directory.Delete(old, recursive: true);
    }
}
