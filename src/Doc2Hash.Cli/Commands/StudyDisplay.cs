using Doc2Hash.Experiments.Study;
using Doc2Hash.Training;
using Spectre.Console;

namespace Doc2Hash.Cli.Commands;

/// <summary>
/// Shows a running study: on an interactive terminal a live Spectre.Console display (the whole study with its ETA,
/// and the current run with its epoch), otherwise plain lines, one per run start, epoch and end, so logs stay readable.
/// </summary>
internal static class StudyDisplay
{
    public static bool Interactive => !Console.IsOutputRedirected && AnsiConsole.Profile.Capabilities.Interactive;

    public static StudyOutcome Run(IReadOnlyList<StudyStep> steps, Func<Action<StudyEvent>, StudyOutcome> run) =>
        Interactive ? Live(steps, run) : run(Plain);

    private static StudyOutcome Live(IReadOnlyList<StudyStep> steps, Func<Action<StudyEvent>, StudyOutcome> run)
    {
        double total = Math.Max(1, steps.Sum(s => s.Estimate.TotalSeconds));
        return AnsiConsole.Progress()
            .AutoClear(false)
            .HideCompleted(true)
            .Columns(new TaskDescriptionColumn { Alignment = Justify.Left }, new ProgressBarColumn(), new PercentageColumn(), new ElapsedTimeColumn(), new RemainingTimeColumn(), new SpinnerColumn())
            .Start(context =>
            {
                var study = context.AddTask("study", maxValue: total);
                ProgressTask? current = null;
                double done = 0;
                return run(e =>
                {
                    var step = steps[e.Index];
                    switch (e)
                    {
                        case RunStarting s when s.Action != RunAction.Skip:
                            current = context.AddTask(Markup.Escape(Describe(s)), maxValue: StudyCatalog.Epochs(s.Run.Config));
                            current.Value = s.EpochsDone;
                            break;
                        case RunEpoch epoch when current is not null:
                            current.Value = epoch.Report.Epoch + 1;
                            current.Description = Markup.Escape($"[{e.Index + 1}/{e.Count}] {e.Run}: epoch {epoch.Report.Epoch + 1}/{StudyCatalog.Epochs(e.Run.Config)}, {Trainer.Describe(epoch.Report)}");
                            study.Value = Math.Min(total, done + step.Estimate.TotalSeconds * (epoch.Report.Epoch + 1 - step.EpochsDone) / Math.Max(1, StudyCatalog.Epochs(e.Run.Config) - step.EpochsDone));
                            break;
                        case RunEnded end:
                            done += step.Estimate.TotalSeconds;
                            study.Value = Math.Min(total, done);
                            if (current is not null) current.StopTask();
                            current = null;
                            if (end.Outcome == RunOutcome.Failed) AnsiConsole.MarkupLine($"[red]failed[/] {Markup.Escape($"{end.Run}: {end.Message}")}");
                            else if (end.Outcome == RunOutcome.Done) AnsiConsole.MarkupLine($"[green]done[/] {Markup.Escape($"{end.Run} in {Time(end.Elapsed)}")}");
                            study.Description = Markup.Escape($"study: {e.Index + 1}/{e.Count} runs");
                            break;
                    }
                });
            });
    }

    private static void Plain(StudyEvent e)
    {
        if (StudyLog.Line(e) is { } line) Console.WriteLine(line);
    }

    private static string Describe(RunStarting s) => StudyLog.Starting(s);

    public static string Time(TimeSpan span) => StudyLog.Time(span);
}
