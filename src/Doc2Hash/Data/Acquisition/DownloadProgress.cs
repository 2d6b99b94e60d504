namespace Doc2Hash.Data.Acquisition;

/// <summary>Progress of one download; the CLI renders it as a bar, the library never prints.</summary>
/// <param name="RelativePath">The source file being fetched.</param>
/// <param name="Url">Where from.</param>
/// <param name="BytesReceived">Bytes written so far.</param>
/// <param name="TotalBytes">The announced length, when the server sends one.</param>
public readonly record struct DownloadProgress(string RelativePath, string Url, long BytesReceived, long? TotalBytes)
{
    public double? Fraction => TotalBytes is > 0 ? (double)BytesReceived / TotalBytes.Value : null;
}
