using System.Globalization;
using Doc2Hash.Training;

namespace Doc2Hash.Experiments.Study;

/// <summary>
/// A study's progress as plain text lines: one per run start (or skip), per epoch and per end. The CLI prints them
/// when its output is not a terminal; notebooks print them as the study runs.
/// </summary>
public static class StudyLog
{
    /// <summary>The line of an event, or null for an event that prints nothing (a skipped run's end; epochs unless <paramref name="epochs"/>).</summary>
    public static string? Line(StudyEvent e, bool epochs = true) => e switch
    {
        RunStarting s => Starting(s),
        RunEpoch epoch => epochs ? $"  {Trainer.Describe(epoch.Report)}" : null,
        RunEnded { Outcome: RunOutcome.Failed } end =>
            $"  FAILED after {Time(end.Elapsed)}: {end.Message}" + (end.Folder is null ? "" : $" (marked in {end.Folder})"),
        RunEnded { Outcome: RunOutcome.Done } end => $"  done in {Time(end.Elapsed)}: {end.Folder}",
        _ => null,
    };

    /// <summary>"[3/9] ng20 vdsh 32b seed 1: training (about 0:42)", "... resuming after epoch 5 ...", "... done (skipped)".</summary>
    public static string Starting(RunStarting s) => s.Action switch
    {
        RunAction.Skip => $"[{s.Index + 1}/{s.Count}] {s.Run}: done (skipped)",
        RunAction.Resume => $"[{s.Index + 1}/{s.Count}] {s.Run}: resuming after epoch {s.EpochsDone} (about {Time(s.Estimate)})",
        _ => $"[{s.Index + 1}/{s.Count}] {s.Run}: training (about {Time(s.Estimate)})",
    };

    /// <summary>m:ss, or h:mm:ss from one hour on (hours keep counting past a day: a paper-profile study can take longer).</summary>
    public static string Time(TimeSpan span) => span.TotalHours >= 1
        ? string.Create(CultureInfo.InvariantCulture, $"{(int)span.TotalHours}:{span.Minutes:00}:{span.Seconds:00}")
        : span.ToString(@"m\:ss", CultureInfo.InvariantCulture);
}
