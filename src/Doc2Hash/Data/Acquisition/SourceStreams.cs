using System.IO.Compression;

namespace Doc2Hash.Data.Acquisition;

/// <summary>
/// Opens source files for reading, decompressing <c>.gz</c> transparently, and turns low-level decompression
/// failures into messages that name the file and say how to recover.
/// </summary>
public static class SourceStreams
{
    const int BufferSize = 1 << 16;

    public static Stream OpenRead(string path)
    {
        if (!File.Exists(path))
            throw new DataSourceException($"Source file '{path}' does not exist.");
        Stream file = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, BufferSize);
        return path.EndsWith(".gz", StringComparison.OrdinalIgnoreCase) ? new GZipStream(file, CompressionMode.Decompress) : file;
    }

    /// <summary>The message for a file that cannot be decompressed or parsed to its end.</summary>
    public static DataSourceException Damaged(string path, Exception cause) =>
        new($"Source file '{path}' is damaged or truncated ({cause.GetType().Name}: {cause.Message}). " +
            "Delete it and download it again (or copy a good copy from the mirror).", cause);

    /// <summary>Runs a reader over a source file, reporting decompression/tar errors as a damaged file.</summary>
    public static T Read<T>(string path, Func<Stream, T> read)
    {
        try
        {
            using Stream stream = OpenRead(path);
            return read(stream);
        }
        catch (Exception error) when (error is InvalidDataException or EndOfStreamException or FormatException)
        {
            throw Damaged(path, error);
        }
    }
}
