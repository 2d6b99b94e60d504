using System.Text;
using System.Text.RegularExpressions;
using Doc2Hash.IO;

namespace Doc2Hash.Reporting.Tables;

/// <summary>What <see cref="ReadmeTables.Fill"/> did: the blocks it filled, and those whose table was not generated (left as they were).</summary>
public sealed record ReadmeTablesResult(string Text, IReadOnlyList<string> Filled, IReadOnlyList<string> Missing);

/// <summary>
/// Generated tables inside a Markdown document (the README): a block
/// <c>&lt;!-- generated table: paper/ng20-unsupervised --&gt;</c> ... <c>&lt;!-- end generated table --&gt;</c> is
/// replaced by that table as <see cref="TableMarkdown"/> renders it, so the numbers a reader sees first are the report's,
/// never typed. Text outside the blocks is kept byte for byte; a block whose table the report did not produce keeps
/// its old content and is listed as missing.
/// </summary>
public static partial class ReadmeTables
{
    public const string EndMarker = "<!-- end generated table -->";

    [GeneratedRegex(@"^<!-- generated table: (?<name>[A-Za-z0-9_./-]+) -->[ \t]*$")]
    private static partial Regex BeginMarker();

    public static string Begin(string tableName) => $"<!-- generated table: {tableName} -->";

    /// <summary>Fills every block of <paramref name="markdown"/> from <paramref name="tables"/> (by table name).</summary>
    public static ReadmeTablesResult Fill(string markdown, IReadOnlyList<ResultTable> tables, string source = "the document")
    {
        ArgumentNullException.ThrowIfNull(markdown);
        ArgumentNullException.ThrowIfNull(tables);
        var byName = tables.ToDictionary(t => t.Name, StringComparer.Ordinal);
        string newline = markdown.Contains("\r\n", StringComparison.Ordinal) ? "\r\n" : "\n";
        var lines = markdown.Split('\n');
        var output = new StringBuilder(markdown.Length);
        var filled = new List<string>();
        var missing = new List<string>();
        for (int i = 0; i < lines.Length; i++)
        {
            string line = lines[i];
            var begin = BeginMarker().Match(line.TrimEnd('\r'));
            if (line.TrimEnd('\r').Trim() == EndMarker)
                throw new FormatException($"{source}, line {i + 1}: '{EndMarker}' without a '<!-- generated table: NAME -->' line before it. Remove it or add the opening marker.");
            Append(output, line, i, lines.Length);
            if (!begin.Success) continue;

            string name = begin.Groups["name"].Value;
            int end = Array.FindIndex(lines, i + 1, l => l.TrimEnd('\r').Trim() == EndMarker || BeginMarker().IsMatch(l.TrimEnd('\r')));
            if (end < 0 || BeginMarker().IsMatch(lines[end].TrimEnd('\r')))
                throw new FormatException($"{source}, line {i + 1}: the generated table '{name}' has no '{EndMarker}' line before the next block or the end. Add it after the table.");
            if (byName.TryGetValue(name, out var table))
            {
                output.Append(TableMarkdown.Render(table).ReplaceLineEndings(newline));
                filled.Add(name);
            }
            else
            {
                for (int j = i + 1; j < end; j++) Append(output, lines[j], j, lines.Length);
                missing.Add(name);
            }
            Append(output, lines[end], end, lines.Length);
            i = end;
        }
        return new ReadmeTablesResult(output.ToString(), filled, missing);
    }

    /// <summary>
    /// Fills the blocks of the Markdown file at <paramref name="path"/> and rewrites it atomically when its text changed.
    /// A file without blocks is left untouched.
    /// </summary>
    public static ReadmeTablesResult Update(string path, IReadOnlyList<ResultTable> tables)
    {
        string text = File.ReadAllText(path);
        var result = Fill(text, tables, $"'{Path.GetFullPath(path)}'");
        if (!string.Equals(result.Text, text, StringComparison.Ordinal))
            AtomicFile.WriteAllText(path, result.Text);
        return result;
    }

    private static void Append(StringBuilder output, string line, int index, int count)
    {
        output.Append(line);
        if (index < count - 1) output.Append('\n');
    }
}
