using System.Globalization;

namespace Doc2Hash.Text;

/// <summary>
/// A bound on how many training documents a term may occur in, in scikit-learn's two forms: an integer
/// (<c>min_df=3</c>) is a document count, a float (<c>max_df=0.8</c>) a proportion of the training documents.
/// </summary>
public readonly record struct DocumentFrequencyBound
{
    private DocumentFrequencyBound(bool isProportion, double value)
    {
        IsProportion = isProportion;
        Value = value;
    }

    public bool IsProportion { get; }
    public double Value { get; }

    public static DocumentFrequencyBound Count(int documents)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(documents);
        return new DocumentFrequencyBound(false, documents);
    }

    public static DocumentFrequencyBound Proportion(double fraction)
    {
        if (!(fraction is >= 0.0 and <= 1.0))
            throw new ArgumentOutOfRangeException(nameof(fraction), fraction, "A document-frequency proportion must lie in [0, 1].");
        return new DocumentFrequencyBound(true, fraction);
    }

    /// <summary>The bound in documents, as scikit-learn computes it: <c>max_df * n_doc</c> (a float) or the count.</summary>
    public double ToDocumentCount(int documentCount) => IsProportion ? Value * documentCount : Value;

    /// <summary>A stable text form such as <c>count:3</c> or <c>proportion:0.8</c> (used in fingerprints).</summary>
    public override string ToString() => IsProportion
        ? "proportion:" + Value.ToString("R", CultureInfo.InvariantCulture)
        : "count:" + ((int)Value).ToString(CultureInfo.InvariantCulture);
}
