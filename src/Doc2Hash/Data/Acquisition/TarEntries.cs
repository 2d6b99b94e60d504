using System.Formats.Tar;

namespace Doc2Hash.Data.Acquisition;

/// <summary>
/// The entries of a tar stream, in order. .NET's <see cref="TarReader"/> reports a corrupt header with whatever its
/// number parsing throws (an OverflowException for a damaged size or id field, found by fuzzing); those become an
/// <see cref="InvalidDataException"/> that says which header, which <see cref="SourceStreams.Read{T}"/> then reports
/// as a damaged source file, with its path and how to recover.
/// </summary>
public static class TarEntries
{
    public static IEnumerable<TarEntry> Read(Stream stream)
    {
        using var reader = new TarReader(stream, leaveOpen: true);
        for (int index = 0; ; index++)
        {
            TarEntry? entry;
            try
            {
                entry = reader.GetNextEntry();
            }
            catch (Exception error) when (error is OverflowException or ArgumentException or FormatException)
            {
                throw new InvalidDataException($"the tar header of member {index + 1} is corrupt ({error.GetType().Name}: {error.Message})", error);
            }
            if (entry is null) yield break;
            yield return entry;
        }
    }
}
