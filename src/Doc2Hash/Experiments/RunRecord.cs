namespace Doc2Hash.Experiments;

/// <summary>A run folder as read back: its configuration and, when training finished, its summary.</summary>
public sealed record RunRecord(RunFolder Folder, RunConfig Config, RunSummary? Summary)
{
    public bool Finished => Summary is not null;

    /// <summary>Every run folder under runsDirectory/&lt;dataset&gt;/ (finished ones only unless asked), in path order.</summary>
    public static IReadOnlyList<RunRecord> Scan(string runsDirectory, bool includeUnfinished = false)
    {
        if (!Directory.Exists(runsDirectory)) return [];
        var records = new List<RunRecord>();
        foreach (string path in Directory.EnumerateDirectories(runsDirectory).SelectMany(Directory.EnumerateDirectories).Order(StringComparer.Ordinal))
        {
            if (!File.Exists(Path.Combine(path, RunFolder.ConfigFile))) continue;
            var folder = RunFolder.Open(path);
            var summary = File.Exists(Path.Combine(path, RunFolder.SummaryFile)) ? folder.ReadSummary() : null;
            if (summary is null && !includeUnfinished) continue;
            records.Add(new RunRecord(folder, folder.ReadConfig(), summary));
        }
        return records;
    }
}
