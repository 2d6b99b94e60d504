namespace Doc2Hash.Text;

/// <summary>
/// The switches of scikit-learn's <c>TfidfTransformer</c> (idf is always used). The authors call
/// <c>TfidfTransformer(sublinear_tf=True)</c>, so all three are on in <see cref="Authors"/>.
/// </summary>
/// <param name="SublinearTf">sublinear_tf: replace a count c by 1 + ln(c).</param>
/// <param name="SmoothIdf">smooth_idf: idf = ln((1 + n) / (1 + df)) + 1 instead of ln(n / df) + 1.</param>
/// <param name="L2Normalize">norm='l2': scale every row to unit Euclidean length (all-zero rows stay zero).</param>
public sealed record TfidfOptions(bool SublinearTf, bool SmoothIdf, bool L2Normalize)
{
    /// <summary>The authors' setting: <c>TfidfTransformer(sublinear_tf=True)</c> with scikit-learn's other defaults.</summary>
    public static TfidfOptions Authors { get; } = new(SublinearTf: true, SmoothIdf: true, L2Normalize: true);
}
