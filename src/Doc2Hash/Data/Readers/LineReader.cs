using System.Text;
using Doc2Hash.Data.Acquisition;

namespace Doc2Hash.Data.Readers;

/// <summary>
/// Reads the lines of a (possibly gzipped) text source with their 1-based line numbers, CR/LF/CRLF alike. UTF-8 (the
/// default) is decoded strictly (<see cref="TextDecoding"/>): bytes that are not UTF-8 are an error with their offset
/// and line, never replacement characters.
/// </summary>
public static class LineReader
{
    public static List<(int Number, string Text)> ReadLines(string path, Encoding? encoding = null) =>
        Split(SourceStreams.Read(path, stream =>
        {
            using var buffer = new MemoryStream();
            stream.CopyTo(buffer);
            return TextDecoding.Decode(buffer.GetBuffer().AsSpan(0, (int)buffer.Length), path, encoding);
        }));

    /// <summary>The lines of a text as StreamReader.ReadLine splits them (at \n, \r and \r\n), numbered from 1.</summary>
    public static List<(int Number, string Text)> Split(string text)
    {
        var lines = new List<(int, string)>();
        using var reader = new StringReader(text);
        int number = 0;
        while (reader.ReadLine() is { } line) lines.Add((++number, line));
        return lines;
    }
}
