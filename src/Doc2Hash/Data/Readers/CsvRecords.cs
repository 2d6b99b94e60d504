using System.Text;
using Doc2Hash.IO;

namespace Doc2Hash.Data.Readers;

/// <summary>
/// RFC 4180 records: comma-separated fields, fields in double quotes may hold commas, newlines and doubled quotes
/// (""). Each record comes with the line number it starts on, for error messages.
/// </summary>
public static class CsvRecords
{
    public static IEnumerable<(int Line, List<string> Fields)> Read(TextReader reader, string path)
    {
        int line = 1;
        while (reader.Peek() >= 0)
        {
            int start = line;
            var fields = ReadRecord(reader, path, ref line);
            if (fields.Count == 1 && fields[0].Length == 0) continue; // blank line
            yield return (start, fields);
        }
    }

    static List<string> ReadRecord(TextReader reader, string path, ref int line)
    {
        var fields = new List<string>();
        var field = new StringBuilder();
        bool quoted = false, wasQuoted = false;
        int startLine = line;
        while (true)
        {
            int c = reader.Read();
            if (c < 0)
            {
                if (quoted) throw new DataFormatException($"{path}, line {startLine}: a quoted field is never closed (missing '\"').");
                break;
            }
            if (quoted)
            {
                if (c == '"' && reader.Peek() == '"') { reader.Read(); field.Append('"'); }
                else if (c == '"') quoted = false;
                else { if (c == '\n') line++; field.Append((char)c); }
                continue;
            }
            if (c == '"' && field.Length == 0 && !wasQuoted) { quoted = wasQuoted = true; continue; }
            if (c == ',') { fields.Add(field.ToString()); field.Clear(); wasQuoted = false; continue; }
            if (c == '\r' && reader.Peek() == '\n') continue;
            if (c is '\n' or '\r') { line++; break; }
            if (wasQuoted) throw new DataFormatException($"{path}, line {line}: text after the closing quote of a field.");
            field.Append((char)c);
        }
        fields.Add(field.ToString());
        return fields;
    }
}
