namespace Doc2Hash.Experiments;

/// <summary>A run folder as read back: its configuration and, when training finished, its summary.</summary>
public sealed record RunRecord(RunFolder Folder, RunConfig Config, RunSummary? Summary)
{
    /// <summary>Training ended normally: a summary exists and the run is not marked failed.</summary>
    public bool Finished => Summary is not null && !Failed;

    /// <summary>The run was marked failed (e.g. its loss diverged; see <see cref="RunFolder.MarkFailed"/>).</summary>
    public bool Failed => Folder.IsFailed;

    /// <summary>Why the run failed (failed.json), or null.</summary>
    public RunFailure? Failure => Folder.ReadFailure();

    /// <summary>
    /// Every run folder under runsDirectory/&lt;dataset&gt;/ in path order: finished ones only unless asked, so failed and
    /// interrupted runs never reach a results table.
    /// </summary>
    public static IReadOnlyList<RunRecord> Scan(string runsDirectory, bool includeUnfinished = false)
    {
        if (!Directory.Exists(runsDirectory)) return [];
        var records = new List<RunRecord>();
        foreach (string path in Directory.EnumerateDirectories(runsDirectory).SelectMany(Directory.EnumerateDirectories).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(path, RunFolder.ConfigFile))) continue;
            var folder = RunFolder.Open(path);
            var summary = File.Exists(Path.Combine(path, RunFolder.SummaryFile)) ? folder.ReadSummary() : null;
            var record = new RunRecord(folder, folder.ReadConfig(), summary);
            if (!record.Finished && !includeUnfinished) continue;
            records.Add(record);
        }
        return records;
    }
}
