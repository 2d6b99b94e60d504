using Doc2Hash.Reporting.Statistics;
using Doc2Hash.Tests.Data;
using Doc2Hash.Reporting.Tables;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Reporting.Tables;

public class ReadmeTablesTests
{
    private static ResultTable Table(string name, double value) => new(name, "ng20", $"title of {name}", "caption", "method", [32],
        [new ResultRow("lsh", "preset", new Dictionary<int, ResultCell> { [32] = new(new MeanAndSpread(value, 0, 1), IsBest: true, VersusBest: null, Runs: []) })]);

    [Fact]
    public void A_block_is_replaced_by_its_generated_table_and_the_text_around_it_is_kept()
    {
        string readme = "# Title\n\nBefore.\n" + ReadmeTables.Begin("paper/ng20-unsupervised") + "\nstale | numbers\n" + ReadmeTables.EndMarker + "\nAfter.\n";
        var result = ReadmeTables.Fill(readme, [Table("paper/ng20-unsupervised", 0.25), Table("paper/reuters-unsupervised", 0.5)]);

        string expected = "# Title\n\nBefore.\n" + ReadmeTables.Begin("paper/ng20-unsupervised") + "\n" +
                          TableMarkdown.Render(Table("paper/ng20-unsupervised", 0.25)) + ReadmeTables.EndMarker + "\nAfter.\n";
        Assert.Equal(expected, result.Text);
        Assert.Contains("| lsh | preset | **0.2500 (1)** |", result.Text);
        Assert.DoesNotContain("stale", result.Text);
        Assert.Equal(["paper/ng20-unsupervised"], result.Filled);
        Assert.Empty(result.Missing);
        Assert.Equal(result.Text, ReadmeTables.Fill(result.Text, [Table("paper/ng20-unsupervised", 0.25)]).Text);   // idempotent
    }

    [Fact]
    public void A_block_whose_table_was_not_generated_keeps_its_content_and_is_reported()
    {
        string readme = ReadmeTables.Begin("paper/tmc-unsupervised") + "\nold table\n" + ReadmeTables.EndMarker + "\n";
        var result = ReadmeTables.Fill(readme, [Table("paper/ng20-unsupervised", 0.25)]);
        Assert.Equal(readme, result.Text);
        Assert.Equal(["paper/tmc-unsupervised"], result.Missing);
    }

    [Fact]
    public void A_document_without_blocks_is_unchanged()
    {
        const string readme = "# Doc\n\n| a | b |\n|---|---|\n";
        Assert.Equal(readme, ReadmeTables.Fill(readme, [Table("paper/ng20-unsupervised", 0.25)]).Text);
    }

    [Fact]
    [BadInput("README tables", "a generated-table block without its end marker", "FormatException naming the line and the table, asking for the end marker")]
    public void A_block_without_an_end_marker_is_refused_with_its_line()
    {
        string readme = "intro\n" + ReadmeTables.Begin("paper/ng20-unsupervised") + "\n| table |\n";
        var error = Assert.Throws<FormatException>(() => ReadmeTables.Fill(readme, [Table("paper/ng20-unsupervised", 0.25)], "README.md"));
        Assert.Contains("README.md, line 2", error.Message);
        Assert.Contains("paper/ng20-unsupervised", error.Message);
        Assert.Contains(ReadmeTables.EndMarker, error.Message);
    }

    [Fact]
    [BadInput("README tables", "an end marker with no opening marker", "FormatException naming the line")]
    public void A_stray_end_marker_is_refused()
    {
        var error = Assert.Throws<FormatException>(() => ReadmeTables.Fill("a\n" + ReadmeTables.EndMarker + "\n", [], "README.md"));
        Assert.Contains("line 2", error.Message);
    }

    [Fact]
    public void Update_rewrites_the_file_only_when_a_table_changed()
    {
        using var temp = new TempFolder();
        string path = temp.File("README.md");
        File.WriteAllText(path, "x\n" + ReadmeTables.Begin("t") + "\nold\n" + ReadmeTables.EndMarker + "\n");
        ReadmeTables.Update(path, [Table("t", 0.125)]);
        Assert.Contains("0.1250", File.ReadAllText(path));
        var stamp = new DateTime(2020, 1, 1, 0, 0, 0, DateTimeKind.Utc);
        File.SetLastWriteTimeUtc(path, stamp);
        ReadmeTables.Update(path, [Table("t", 0.125)]);
        Assert.Equal(stamp, File.GetLastWriteTimeUtc(path));   // unchanged text: not rewritten
    }
}
