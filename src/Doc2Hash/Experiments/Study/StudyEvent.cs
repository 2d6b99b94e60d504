using Doc2Hash.Training;

namespace Doc2Hash.Experiments.Study;

/// <summary>What the runner does with a planned run.</summary>
public enum RunAction
{
    /// <summary>A finished record exists (in the runs folder or the committed records): nothing to do.</summary>
    Skip,

    /// <summary>An interrupted run exists with a checkpoint: continue it.</summary>
    Resume,

    /// <summary>No usable run exists: train a new one.</summary>
    Train,
}

/// <summary>How a planned run ended.</summary>
public enum RunOutcome { Skipped, Done, Failed }

/// <summary>Progress of a study, for a live display or plain log lines.</summary>
public abstract record StudyEvent(int Index, int Count, PlannedRun Run);

/// <summary>Run <paramref name="Index"/> of <paramref name="Count"/> starts (or is skipped).</summary>
public sealed record RunStarting(int Index, int Count, PlannedRun Run, RunAction Action, int EpochsDone, TimeSpan Estimate)
    : StudyEvent(Index, Count, Run);

public sealed record RunEpoch(int Index, int Count, PlannedRun Run, EpochReport Report)
    : StudyEvent(Index, Count, Run);

/// <summary>A run ended; <paramref name="Folder"/> is its run folder (null if none was created), <paramref name="Message"/> the error of a failed run.</summary>
public sealed record RunEnded(int Index, int Count, PlannedRun Run, RunOutcome Outcome, TimeSpan Elapsed, string? Folder, string? Message)
    : StudyEvent(Index, Count, Run);
