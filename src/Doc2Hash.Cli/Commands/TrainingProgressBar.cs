using System.Diagnostics;
using System.Globalization;
using Doc2Hash.Training;

namespace Doc2Hash.Cli.Commands;

/// <summary>
/// A one-line progress bar on stderr ("epoch 3/100 [#####-----] 52/103 loss 812.4") driven by the trainer's
/// <see cref="Trainer.StepCompleted"/> and <see cref="Trainer.EpochCompleted"/> events, redrawn at most every
/// <see cref="RedrawInterval"/>. Console drawing is the CLI's business: the library only raises events, and nothing
/// about the bar is stored in a run's configuration. Draws nothing when stderr is redirected (logs and CI stay clean).
/// </summary>
internal sealed class TrainingProgressBar
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(200);
    private const int BarWidth = 30;
    private readonly Stopwatch sinceRedraw = Stopwatch.StartNew();

    /// <summary>Draws the bar for <paramref name="trainer"/>'s steps and clears it before each epoch line is printed.</summary>
    public static void Attach(Trainer trainer)
    {
        if (Console.IsErrorRedirected) return;
        var bar = new TrainingProgressBar();
        trainer.StepCompleted += (_, step) => bar.Update(step);
        // Subscribed before the epoch printer, so the bar's line is cleared before the epoch's summary line appears.
        trainer.EpochCompleted += (_, _) => Clear();
    }

    private void Update(StepReport step)
    {
        if (step.Batch < step.BatchesPerEpoch && sinceRedraw.Elapsed < RedrawInterval) return;
        sinceRedraw.Restart();
        int filled = step.BatchesPerEpoch == 0 ? BarWidth : (int)((long)BarWidth * step.Batch / step.BatchesPerEpoch);
        Console.Error.Write(string.Create(CultureInfo.InvariantCulture,
            $"\repoch {step.Epoch + 1}/{step.Epochs} [{new string('#', filled)}{new string('-', BarWidth - filled)}] {step.Batch}/{step.BatchesPerEpoch} loss {step.Loss:F2}   "));
    }

    private static void Clear() => Console.Error.Write("\r" + new string(' ', BarWidth * 3) + "\r");
}
