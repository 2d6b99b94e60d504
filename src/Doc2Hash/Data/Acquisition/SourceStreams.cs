using System.IO.Compression;

namespace Doc2Hash.Data.Acquisition;

/// <summary>
/// Opens source files for reading, decompressing <c>.gz</c> transparently, and turns low-level decompression
/// failures into messages that name the file and say how to recover.
/// </summary>
public static class SourceStreams
{
    const int BufferSize = 1 << 16;

    /// <param name="compressed">Whether to gunzip; null: when the name ends with ".gz".</param>
    public static Stream OpenRead(string path, bool? compressed = null)
    {
        if (!File.Exists(path))
            throw new DataSourceException($"Source file '{path}' does not exist.");
        var file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
        if (!(compressed ?? IsGzipName(path))) return file;
        try
        {
            var (crc, length) = GzipTrailerCheckStream.ReadTrailer(file);
            return new GzipTrailerCheckStream(new GZipStream(file, CompressionMode.Decompress), crc, length);
        }
        catch
        {
            file.Dispose();
            throw;
        }
    }

    public static bool IsGzipName(string path) => path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase);

    /// <summary>The message for a file that cannot be decompressed or parsed to its end.</summary>
    public static DataSourceException Damaged(string path, Exception cause) =>
        new($"Source file '{path}' is damaged or truncated ({cause.GetType().Name}: {cause.Message}). " +
            "Delete it and download it again (or copy a good copy from the mirror).", cause);

    /// <summary>
    /// Runs a reader over a source file, reporting decompression/tar errors as a damaged file. What the reader leaves
    /// unread (e.g. the zero padding after a tar's end marker) is read too, so the gzip trailer is always checked.
    /// </summary>
    public static T Read<T>(string path, Func<Stream, T> read, bool? compressed = null)
    {
        try
        {
            using Stream stream = OpenRead(path, compressed);
            T result = read(stream);
            stream.CopyTo(Stream.Null);
            return result;
        }
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw Damaged(path, error);
        }
    }
}
