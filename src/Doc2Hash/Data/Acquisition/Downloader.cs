namespace Doc2Hash.Data.Acquisition;

/// <summary>
/// Fetches one URL into a file atomically: bytes go to a temporary file next to the target, which is renamed only
/// after the caller's verification passes; on any failure nothing is left behind.
/// </summary>
public sealed class Downloader(TimeSpan stallTimeout, IProgress<DownloadProgress>? progress, HttpMessageHandler? handler = null)
{
    const int BufferSize = 1 << 16;

    /// <summary>Downloads <paramref name="url"/> to <paramref name="target"/>; <paramref name="verify"/> sees the temp file.</summary>
    public void Download(SourceUrl url, string relativePath, string target, Action<string> verify)
    {
        Directory.CreateDirectory(Path.GetDirectoryName(target)!);
        string temporary = $"{target}.part-{Guid.NewGuid():N}";
        try
        {
            DownloadAsync(url.Url, relativePath, temporary).GetAwaiter().GetResult();
            verify(temporary);
            File.Move(temporary, target, overwrite: false);
        }
        finally
        {
            if (File.Exists(temporary)) File.Delete(temporary);
        }
    }

    async Task DownloadAsync(string url, string relativePath, string temporary)
    {
        using var client = CreateClient();
        using var connect = new CancellationTokenSource(stallTimeout);
        using var response = await client.GetAsync(url, HttpCompletionOption.ResponseHeadersRead, connect.Token);
        response.EnsureSuccessStatusCode();
        long? total = response.Content.Headers.ContentLength;
        await using var body = await response.Content.ReadAsStreamAsync(connect.Token);
        await using var file = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, BufferSize, useAsync: true);
        var buffer = new byte[BufferSize];
        long received = 0;
        progress?.Report(new DownloadProgress(relativePath, url, 0, total));
        while (true)
        {
            // A fresh deadline per read: slow but moving downloads go on, a stalled connection fails.
            using var stall = new CancellationTokenSource(stallTimeout);
            int read = await body.ReadAsync(buffer, stall.Token);
            if (read == 0) break;
            await file.WriteAsync(buffer.AsMemory(0, read));
            received += read;
            progress?.Report(new DownloadProgress(relativePath, url, received, total));
        }
        if (total is not null && received != total)
            throw new IOException($"the server announced {total} bytes but sent {received}");
    }

    HttpClient CreateClient()
    {
        var client = handler is null
            ? new HttpClient(new SocketsHttpHandler { ConnectTimeout = stallTimeout }, disposeHandler: true)
            : new HttpClient(handler, disposeHandler: false);
        client.Timeout = Timeout.InfiniteTimeSpan; // the per-read stall timeout above bounds every wait
        client.DefaultRequestHeaders.UserAgent.ParseAdd("Doc2Hash/0.1 (research kit; corpus download)");
        return client;
    }
}
