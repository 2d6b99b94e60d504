namespace Doc2Hash.Experiments.Study;

/// <summary>Where a study reads and writes: run folders (with checkpoints) and the committed records.</summary>
public sealed record StudyDirectories(string Runs = "runs", string Records = RunRecordStore.DefaultDirectory);

/// <summary>
/// A planned run with what the runner will do about it: skip it (a finished record exists), resume it (an
/// interrupted run folder with a checkpoint exists; <paramref name="EpochsDone"/> epochs are logged) or train it,
/// and the expected wall time of the work left.
/// </summary>
public sealed record StudyStep(PlannedRun Run, RunAction Action, RunRecord? Existing, int EpochsDone, TimeSpan Estimate)
{
    /// <summary>
    /// Decides each run's action from the run folders and committed records found under <paramref name="directories"/>,
    /// and estimates its time from earlier runs (see <see cref="TimeEstimate"/>).
    /// </summary>
    public static IReadOnlyList<StudyStep> Inspect(IReadOnlyList<PlannedRun> plan, StudyDirectories directories)
    {
        ArgumentNullException.ThrowIfNull(plan);
        ArgumentNullException.ThrowIfNull(directories);
        var local = RunRecord.Scan(directories.Runs, includeUnfinished: true);
        var committed = RunRecord.Scan(directories.Records);
        var known = local.Concat(committed).ToList();
        var byKey = known.ToLookup(r => RunKey.Of(r.Config), StringComparer.Ordinal);
        var estimate = new TimeEstimate(known);
        return [.. plan.Select(run => Decide(run, byKey[run.Key].ToList(), local, estimate))];
    }

    private static StudyStep Decide(PlannedRun run, List<RunRecord> same, IReadOnlyList<RunRecord> local, TimeEstimate estimate)
    {
        var finished = same.Where(RunCollection.IsResult).OrderBy(r => r.Summary!.FinishedUtc).LastOrDefault();
        if (finished is not null) return new StudyStep(run, RunAction.Skip, finished, finished.Summary!.EpochsRun, TimeSpan.Zero);
        var interrupted = same
            .Where(r => r.Summary is null && !r.Failed && local.Contains(r) && File.Exists(r.Folder.LastCheckpoint))
            .OrderBy(r => Path.GetFileName(r.Folder.Path), StringComparer.Ordinal).LastOrDefault();
        if (interrupted is not null)
        {
            int done = Math.Min(MetricsTable.Read(interrupted.Folder.Path)?.Epochs ?? 0, StudyCatalog.Epochs(run.Config));
            return new StudyStep(run, RunAction.Resume, interrupted, done, estimate.For(run.Config, StudyCatalog.Epochs(run.Config) - done));
        }
        return new StudyStep(run, RunAction.Train, null, 0, estimate.For(run.Config, StudyCatalog.Epochs(run.Config)));
    }
}
