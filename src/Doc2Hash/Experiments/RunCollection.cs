namespace Doc2Hash.Experiments;

/// <summary>
/// The finished runs that tables and figures are built from, merged from several folders (the local runs/ and the
/// committed results/runs/): runs with identical configurations (<see cref="RunKey"/>) are one run and the newest
/// finished one wins; failed runs (marked by <see cref="RunFolder.MarkFailed"/>, or with a non-finite result) are left out; per dataset only the runs on the newest
/// data (the data fingerprint of the most recently finished run) are kept, so one table never mixes data versions.
/// </summary>
public sealed class RunCollection
{
    private RunCollection(IReadOnlyList<string> searched, IReadOnlyList<RunRecord> runs, int failed, int otherData)
    {
        Searched = searched;
        Runs = runs;
        FailedCount = failed;
        OtherDataCount = otherData;
    }

    /// <summary>The folders that were read (full paths), for messages.</summary>
    public IReadOnlyList<string> Searched { get; }

    /// <summary>One finished, non-failed run per configuration, ordered by dataset folder and run name.</summary>
    public IReadOnlyList<RunRecord> Runs { get; }

    /// <summary>Failed runs left out.</summary>
    public int FailedCount { get; }

    /// <summary>Finished runs left out because their dataset has newer data.</summary>
    public int OtherDataCount { get; }

    /// <summary>Reads every run under each folder (missing folders are skipped and still named in <see cref="Searched"/>).</summary>
    public static RunCollection Load(params IReadOnlyList<string> directories)
    {
        ArgumentNullException.ThrowIfNull(directories);
        var all = directories.SelectMany(d => RunRecord.Scan(d, includeUnfinished: true)).ToList();
        return From([.. directories.Select(Path.GetFullPath)], all);
    }

    /// <summary>Merges already-read records.</summary>
    public static RunCollection From(IReadOnlyList<string> searched, IReadOnlyList<RunRecord> records)
    {
        var failed = records.Where(IsFailed).Select(r => r.Folder.Path).ToHashSet(StringComparer.Ordinal);
        var newest = records.Where(IsResult)
            .GroupBy(r => RunKey.Of(r.Config), StringComparer.Ordinal)
            .Select(g => g.OrderBy(r => r.Summary!.FinishedUtc).ThenBy(r => r.Folder.Path, StringComparer.Ordinal).Last())
            .ToList();
        var kept = newest
            .GroupBy(r => r.Config.Dataset, StringComparer.Ordinal)
            .SelectMany(d =>
            {
                string? data = d.OrderBy(r => r.Summary!.FinishedUtc).Last().Config.DataFingerprint;
                return d.Where(r => r.Config.DataFingerprint == data);
            })
            .OrderBy(r => r.Config.Dataset, StringComparer.Ordinal).ThenBy(r => Path.GetFileName(r.Folder.Path), StringComparer.Ordinal)
            .ToList();
        return new RunCollection(searched, kept, failed.Count, newest.Count - kept.Count);
    }

    /// <summary>
    /// The finished run of exactly <paramref name="config"/> (same <see cref="RunKey"/>, data fingerprint included), or
    /// null: lets a notebook or command reuse a run instead of training the same configuration again.
    /// </summary>
    public RunRecord? Find(RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        string key = RunKey.Of(config);
        return Runs.FirstOrDefault(r => RunKey.Of(r.Config) == key);
    }

    /// <summary>A finished run whose precision is a number: the only kind of run a table shows.</summary>
    public static bool IsResult(RunRecord run) =>
        run.Finished && double.IsFinite(run.Summary!.TestPrecision) && double.IsFinite(run.Summary.ValidationPrecision);

    /// <summary>Marked failed, or finished with a non-finite precision (a number that is never a result).</summary>
    public static bool IsFailed(RunRecord run) => run.Failed || (run.Finished && !IsResult(run));

    /// <summary>"runs (full path), results/runs (full path)" for error messages.</summary>
    public string DescribeSearched() => string.Join(", ", Searched.Select(s => $"'{s}'"));
}
