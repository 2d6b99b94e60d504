using System.Diagnostics;

namespace Doc2Hash.Experiments.Study;

/// <summary>The end of a study: how many runs were done, skipped and failed, and the wall time.</summary>
public sealed record StudyOutcome(int Done, int Skipped, int Failed, TimeSpan Elapsed, IReadOnlyList<RunEnded> Failures);

/// <summary>
/// Runs the steps of a study in order: skipped runs are left alone (a finished local run missing from the committed
/// records is recorded and committed now), interrupted runs are resumed, the rest trained; every finished run writes
/// its per-query results and is committed to the records folder at once. A run that throws is marked failed
/// (<see cref="RunFolder.MarkFailed"/>), reported, and the study goes on.
/// </summary>
public static class StudyRunner
{
    public static StudyOutcome Run(IReadOnlyList<StudyStep> steps, IRunExecutor executor, StudyDirectories directories, Action<StudyEvent>? observe = null)
    {
        ArgumentNullException.ThrowIfNull(steps);
        ArgumentNullException.ThrowIfNull(executor);
        var clock = Stopwatch.StartNew();
        int done = 0, skipped = 0;
        var failures = new List<RunEnded>();
        for (int i = 0; i < steps.Count; i++)
        {
            var step = steps[i];
            observe?.Invoke(new RunStarting(i, steps.Count, step.Run, step.Action, step.EpochsDone, step.Estimate));
            var ended = step.Action == RunAction.Skip ? Skip(i, steps.Count, step, executor, directories) : Work(i, steps.Count, step, executor, directories, observe);
            if (ended.Outcome == RunOutcome.Failed) failures.Add(ended);
            else if (ended.Outcome == RunOutcome.Done) done++;
            else skipped++;
            observe?.Invoke(ended);
        }
        return new StudyOutcome(done, skipped, failures.Count, clock.Elapsed, failures);
    }

    private static RunEnded Skip(int index, int count, StudyStep step, IRunExecutor executor, StudyDirectories directories)
    {
        var folder = step.Existing!.Folder;
        bool local = IsUnder(folder.Path, directories.Runs);
        if (local && !File.Exists(Path.Combine(folder.Path, RunResults.QueryPrecisionFile)) && (File.Exists(folder.BestCheckpoint) || File.Exists(folder.StateFile)))
            executor.Record(folder);
        string record = local ? RunRecordStore.Commit(folder, directories.Records) : folder.Path;
        return new RunEnded(index, count, step.Run, RunOutcome.Skipped, TimeSpan.Zero, record, null);
    }

    private static RunEnded Work(int index, int count, StudyStep step, IRunExecutor executor, StudyDirectories directories, Action<StudyEvent>? observe)
    {
        var clock = Stopwatch.StartNew();
        RunFolder? folder = step.Existing?.Folder;
        void Epoch(Training.EpochReport report) => observe?.Invoke(new RunEpoch(index, count, step.Run, report));
        try
        {
            RunFolder run;
            if (step.Action == RunAction.Resume) executor.Resume(run = folder!, Epoch);
            else run = executor.Train(step.Run.Config, directories.Runs, started => folder = started, Epoch);
            executor.Record(run);
            RunRecordStore.Commit(run, directories.Records);
            return new RunEnded(index, count, step.Run, RunOutcome.Done, clock.Elapsed, run.Path, null);
        }
        catch (Exception e) when (e is not OutOfMemoryException)
        {
            folder?.MarkFailed(e);
            return new RunEnded(index, count, step.Run, RunOutcome.Failed, clock.Elapsed, folder?.Path, e.Message);
        }
    }

    private static bool IsUnder(string path, string directory)
    {
        string root = Path.GetFullPath(directory).TrimEnd(Path.DirectorySeparatorChar) + Path.DirectorySeparatorChar;
        return Path.GetFullPath(path).StartsWith(root, StringComparison.Ordinal);
    }
}
