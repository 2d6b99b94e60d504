using Doc2Hash.Data;
using Doc2Hash.Tests.TestSupport;
using Doc2Hash.Text;

namespace Doc2Hash.Tests.Data;

public class DatasetWarningsTests
{
    private static HashingDataset WithLabels(params string[] names)
    {
        var split = new DatasetSplit(SparseMatrix.FromDense(new float[,] { { 1, 0 }, { 0, 1 } }), LabelMatrix.SingleLabel(names.Length, [0, 0]));
        return new HashingDataset("corpus", ["a", "b"], names, split, split, split);
    }

    [Fact]
    [BadInput("datasets", "a corpus with a single label (the issue's P@100 = 1.0000 without a word)", "warning on stderr for every command that loads it: precision@K is 1.0 for any codes, even random ones ...")]
    public void A_single_label_dataset_gets_a_warning_that_precision_is_meaningless()
    {
        var warning = Assert.Single(DatasetWarnings.Check(WithLabels("only")));
        Assert.StartsWith("dataset 'corpus' has a single label ('only')", warning);
        Assert.Contains("precision@K is 1.0 for any codes", warning);
    }

    [Fact]
    public void Two_labels_give_no_warning()
    {
        Assert.Empty(DatasetWarnings.Check(WithLabels("a", "b")));
    }
}
