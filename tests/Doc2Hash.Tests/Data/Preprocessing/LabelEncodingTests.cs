using Doc2Hash.Data;
using Doc2Hash.Data.Preprocessing;

namespace Doc2Hash.Tests.Data.Preprocessing;

public class LabelEncodingTests
{
    private static RawDocument Doc(params string[] labels) => new("id", "text", labels);

    [Fact]
    public void Top_names_counts_documents_and_breaks_ties_by_ascending_name()
    {
        // Documents per label: earn 3, acq 2, grain 2, ship 2, corn 1. Top 3 = earn + the two smallest of {acq, grain, ship}.
        RawDocument[] train = [Doc("earn"), Doc("earn", "acq"), Doc("earn", "ship"), Doc("acq", "grain"), Doc("grain", "ship", "corn")];
        var encoding = LabelEncoding.Fit(train, LabelSelection.TopNames(3));
        Assert.Equal(new[] { "acq", "earn", "grain" }, encoding.Names);
        Assert.Equal(new[] { 2 }, encoding.Encode(Doc("grain", "ship", "corn")));
        Assert.Empty(encoding.Encode(Doc("ship")));
    }

    [Fact]
    public void A_label_repeated_in_one_document_counts_once()
    {
        RawDocument[] train = [Doc("b", "b", "b"), Doc("a"), Doc("a")];
        Assert.Equal(new[] { "a" }, LabelEncoding.Fit(train, LabelSelection.TopNames(1)).Names);
    }

    [Fact]
    public void Top_tokens_split_label_names_as_the_authors_countvectorizer_does()
    {
        // CountVectorizer(binary=True, max_features=3) over "money-fx money-supply" etc.: tokens money (3 documents),
        // fx, supply, oil (2 each), veg, crude (1 each); the tie keeps fx and oil (scikit-learn 1.2.1 gives the same).
        RawDocument[] train = [Doc("money-fx", "money-supply"), Doc("money-fx"), Doc("veg-oil"), Doc("Money-Supply", "crude-oil")];
        var encoding = LabelEncoding.Fit(train, LabelSelection.TopTokens(3));
        Assert.Equal(new[] { "fx", "money", "oil" }, encoding.Names);
        Assert.Equal(new[] { 1, 2 }, encoding.Encode(Doc("veg-oil", "money-supply")));
    }

    [Fact]
    public void Top_tokens_break_ties_as_scikit_learn_does_among_many_tied_tokens()
    {
        // 30 tokens t00..t29 in one document each, "top" in all 31; keep 5. scikit-learn 1.2.1
        // (CountVectorizer(binary=True, max_features=5)) keeps top, t25, t26, t27 and t28: numpy's argsort is unstable.
        var train = new[] { Doc("top") }.Concat(Enumerable.Range(0, 30).Select(i => Doc($"top-t{i:D2}"))).ToArray();
        var encoding = LabelEncoding.Fit(train, LabelSelection.TopTokens(5));
        Assert.Equal(new[] { "t25", "t26", "t27", "t28", "top" }, encoding.Names);
    }

    [Fact]
    public void All_keeps_every_training_label_in_code_point_order()
    {
        RawDocument[] train = [Doc("sci.space"), Doc("alt.atheism"), Doc("comp.graphics")];
        var encoding = LabelEncoding.Fit(train, LabelSelection.All);
        Assert.Equal(new[] { "alt.atheism", "comp.graphics", "sci.space" }, encoding.Names);
        Assert.Empty(encoding.Encode(Doc("rec.autos")));   // a label never seen in train is not kept
    }
}
