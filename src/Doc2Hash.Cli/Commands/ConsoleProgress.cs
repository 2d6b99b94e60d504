using Doc2Hash.Data.Acquisition;

namespace Doc2Hash.Cli.Commands;

/// <summary>Renders download progress as a one-line bar on stderr (plain lines when stderr is redirected).</summary>
internal sealed class ConsoleProgress : IProgress<DownloadProgress>
{
    const int Width = 30;
    string? _current;
    DateTime _lastDraw;

    public void Report(DownloadProgress value)
    {
        bool first = _current != value.RelativePath;
        _current = value.RelativePath;
        bool done = value.TotalBytes is { } total && value.BytesReceived >= total;
        if (!first && !done && DateTime.UtcNow - _lastDraw < TimeSpan.FromMilliseconds(200)) return;
        _lastDraw = DateTime.UtcNow;
        string size = $"{value.BytesReceived / 1048576.0:0.0} MiB" + (value.TotalBytes is { } t ? $" / {t / 1048576.0:0.0} MiB" : "");
        string bar = value.Fraction is { } f ? "[" + new string('#', (int)(f * Width)).PadRight(Width) + $"] {f:P0}" : "";
        if (Console.IsErrorRedirected)
        {
            if (first || done) Console.Error.WriteLine($"download {value.RelativePath} from {value.Url}: {size}");
            return;
        }
        Console.Error.Write($"\rdownload {value.RelativePath} {bar} {size}   ");
        if (done) Console.Error.WriteLine();
    }
}
