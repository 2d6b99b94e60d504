using Doc2Hash.Text;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Text;

public class TfidfTransformerTests
{
    // Three documents over [apple, banana, cherry]:
    //   d0 = {apple: 2, banana: 1}, d1 = {banana: 1, cherry: 1}, d2 = {apple: 1}.
    // n = 3; df: apple 2, banana 2, cherry 1.
    // smooth idf = ln((1 + n) / (1 + df)) + 1: apple = banana = ln(4/3) + 1 = 1.2876820724517808, cherry = ln(2) + 1 = 1.6931471805599454.
    // sublinear tf = 1 + ln(count): 2 -> 1.6931471805599454, 1 -> 1.
    // d0: apple 1.6931471805599454 * 1.2876820724517808 = 2.18023527042932, banana 1.2876820724517808;
    //     norm = sqrt(2.18023527042932^2 + 1.2876820724517808^2) = 2.5321040567357658 -> [0.8610369959439765, 0.5085423203783268, 0].
    // d1: banana 1.2876820724517808, cherry 1.6931471805599454; norm 2.1271747682670097 -> [0, 0.6053485081062916, 0.7959605415681652].
    // d2: apple alone -> [1, 0, 0].
    // (scikit-learn 1.2.1, TfidfTransformer(sublinear_tf=True).fit_transform, prints the same numbers.)
    private static readonly SparseMatrix Counts = SparseMatrix.FromDense(new float[,] { { 2, 1, 0 }, { 0, 1, 1 }, { 1, 0, 0 } });

    [Fact]
    public void Idf_is_smoothed_log_ratio_plus_one()
    {
        var tfidf = TfidfTransformer.Fit(Counts, TfidfOptions.Authors);
        Assert.Equal(1.2876820724517808, tfidf.InverseDocumentFrequencies[0], 15);
        Assert.Equal(1.2876820724517808, tfidf.InverseDocumentFrequencies[1], 15);
        Assert.Equal(1.6931471805599454, tfidf.InverseDocumentFrequencies[2], 15);
    }

    [Fact]
    public void Transform_applies_sublinear_tf_idf_and_l2_norm()
    {
        var result = TfidfTransformer.Fit(Counts, TfidfOptions.Authors).Transform(Counts).ToDense();
        float[,] expected =
        {
            { 0.8610369959439765f, 0.5085423203783268f, 0f },
            { 0f, 0.6053485081062916f, 0.7959605415681652f },
            { 1f, 0f, 0f },
        };
        Assert.Equal(expected, result);
    }

    [Fact]
    public void Unsmoothed_raw_tf_without_norm_is_count_times_log_ratio_plus_one()
    {
        // idf without smoothing: apple ln(3/2) + 1 = 1.4054651081081644; tf = the raw count 2 -> 2.8109302162163288.
        var tfidf = TfidfTransformer.Fit(Counts, new TfidfOptions(SublinearTf: false, SmoothIdf: false, L2Normalize: false));
        Assert.Equal(2.8109302162163288f, tfidf.Transform(Counts).ToDense()[0, 0]);
    }

    [Fact]
    public void An_empty_row_stays_empty_and_unseen_columns_get_the_largest_idf()
    {
        // A column never seen in training has df 0: idf = ln(4/1) + 1 = 2.386294361119891.
        var train = SparseMatrix.FromDense(new float[,] { { 1, 0 }, { 1, 0 }, { 1, 0 } });
        var tfidf = TfidfTransformer.Fit(train, TfidfOptions.Authors);
        Assert.Equal(2.386294361119891, tfidf.InverseDocumentFrequencies[1], 15);
        var other = tfidf.Transform(SparseMatrix.FromDense(new float[,] { { 0, 0 } }));
        Assert.Equal(0, other.NonZeros);
    }

    [Fact]
    [BadInput("text", "TF-IDF transform of a matrix with other columns", "ArgumentException")]
    public void Transform_rejects_a_matrix_with_other_columns()
    {
        var tfidf = TfidfTransformer.Fit(Counts, TfidfOptions.Authors);
        Assert.Throws<ArgumentException>(() => tfidf.Transform(SparseMatrix.FromDense(new float[,] { { 1, 2 } })));
    }
}
