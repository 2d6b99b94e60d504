using System.Text;
using Doc2Hash.Data.Acquisition;

namespace Doc2Hash.Data.Readers;

/// <summary>Reads the lines of a (possibly gzipped) text source with their 1-based line numbers, CR/LF/CRLF alike.</summary>
public static class LineReader
{
    public static List<(int Number, string Text)> ReadLines(string path, Encoding? encoding = null) =>
        SourceStreams.Read(path, stream =>
        {
            var lines = new List<(int, string)>();
            using var reader = new StreamReader(stream, encoding ?? Encoding.UTF8, detectEncodingFromByteOrderMarks: true, leaveOpen: true);
            int number = 0;
            while (reader.ReadLine() is { } line) lines.Add((++number, line));
            return lines;
        });
}
