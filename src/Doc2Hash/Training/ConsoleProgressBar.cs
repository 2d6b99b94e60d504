using System.Diagnostics;

namespace Doc2Hash.Training;

/// <summary>
/// A one-line progress bar on stderr ("epoch 3/100 [#####-----] 52/103 loss 812.4"), redrawn at most every
/// <see cref="RedrawInterval"/>. Draws nothing when stderr is redirected, so logs and CI output stay clean.
/// </summary>
public sealed class ConsoleProgressBar
{
    private static readonly TimeSpan RedrawInterval = TimeSpan.FromMilliseconds(200);
    private const int BarWidth = 30;
    private readonly Stopwatch sinceRedraw = Stopwatch.StartNew();

    public static bool IsAvailable => !Console.IsErrorRedirected;

    public void Update(int epoch, int epochs, int batch, int batches, double loss)
    {
        if (batch < batches && sinceRedraw.Elapsed < RedrawInterval) return;
        sinceRedraw.Restart();
        int filled = batches == 0 ? BarWidth : (int)((long)BarWidth * batch / batches);
        Console.Error.Write($"\repoch {epoch + 1}/{epochs} [{new string('#', filled)}{new string('-', BarWidth - filled)}] {batch}/{batches} loss {loss:F2}   ");
    }

    /// <summary>Clears the bar's line so the next output starts on a clean line.</summary>
    public static void Clear() => Console.Error.Write("\r" + new string(' ', BarWidth * 3) + "\r");
}
