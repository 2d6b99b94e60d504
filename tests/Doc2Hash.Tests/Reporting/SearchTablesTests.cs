using Doc2Hash.Experiments;
using Doc2Hash.Reporting;

namespace Doc2Hash.Tests.Reporting;

public class SearchTablesTests
{
    private static SearchHit Hit(int rank, int distance, params string[] labels) =>
        new(rank, rank * 10, distance, new IndexedDocument($"doc-{rank}", labels, $"first words of {rank}"));

    private static readonly SearchHit[] Hits = [Hit(1, 0, "sci.space"), Hit(2, 1, "rec.autos"), Hit(3, 1, "rec.autos", "sci.space"), Hit(4, 2)];

    [Fact]
    public void Hits_are_marked_relevant_when_they_share_a_label_with_the_query()
    {
        var frame = SearchTables.Hits(Hits, ["sci.space"]);

        Assert.Equal(new[] { "rank", "distance", "relevant", "id", "labels", "first words" }, frame.Columns.Select(c => c.Name));
        Assert.Equal(new object[] { true, false, true, false }, frame.Columns["relevant"].Cast<object>());
        Assert.Equal("rec.autos, sci.space", frame.Columns["labels"][2]);
        Assert.Equal(1, frame.Columns["distance"][2]);
    }

    [Fact]
    public void Without_query_labels_there_is_no_relevance_column()
    {
        var frame = SearchTables.Hits(Hits);
        Assert.DoesNotContain(frame.Columns, c => c.Name == "relevant");
        Assert.Equal(4, frame.Rows.Count);
    }

    [Fact]
    public void Balls_count_documents_relevant_ones_and_their_share()
    {
        IReadOnlyList<SearchHit> Within(int r) => [.. Hits.Where(h => h.Distance <= r)];
        var frame = SearchTables.Balls([(0, Within(0)), (1, Within(1)), (2, Within(2)), (3, [])], ["sci.space"]);

        Assert.Equal(new object[] { 1, 3, 4, 0 }, frame.Columns["documents"].Cast<object>());
        Assert.Equal(new object[] { 1, 2, 2, 0 }, frame.Columns["relevant"].Cast<object>());
        Assert.Equal(1.0, (double)frame.Columns["precision"][0]!);
        Assert.Equal(0.6667, (double)frame.Columns["precision"][1]!);   // 2/3 rounded to 4 decimals
        Assert.Equal(0.5, (double)frame.Columns["precision"][2]!);
        Assert.True(double.IsNaN((double)frame.Columns["precision"][3]!));   // empty ball: undefined, not zero
    }
}
