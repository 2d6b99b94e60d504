using System.Globalization;

namespace Doc2Hash.Data.Preprocessing;

/// <summary>
/// Which documents survive the length filter: <c>ExclusiveMinimum &lt; length &lt;= InclusiveMaximum</c>, where a
/// document's length is the sum of its term counts over the kept vocabulary (the authors' <c>doc_bow.sum()</c>).
/// The authors always drop empty documents, so the minimum cannot be negative.
/// </summary>
public sealed record DocumentLengthRange
{
    public DocumentLengthRange(int exclusiveMinimum, int inclusiveMaximum)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(exclusiveMinimum);
        if (inclusiveMaximum <= exclusiveMinimum)
            throw new ArgumentOutOfRangeException(nameof(inclusiveMaximum), inclusiveMaximum,
                $"The length range ({exclusiveMinimum}, {inclusiveMaximum}] keeps no document; the maximum must exceed the minimum.");
        ExclusiveMinimum = exclusiveMinimum;
        InclusiveMaximum = inclusiveMaximum;
    }

    /// <summary>The authors' filter (<c>--remove_short_docs</c>, <c>--remove_long_docs</c>): 5 &lt; length &lt;= 500.</summary>
    public static DocumentLengthRange Authors { get; } = new(5, 500);

    /// <summary>Only the empty documents are dropped (the authors' filter with both switches off).</summary>
    public static DocumentLengthRange NonEmpty { get; } = new(0, int.MaxValue);

    public int ExclusiveMinimum { get; }
    public int InclusiveMaximum { get; }

    public bool Contains(int length) => length > ExclusiveMinimum && length <= InclusiveMaximum;

    public override string ToString() => string.Create(CultureInfo.InvariantCulture, $"({ExclusiveMinimum},{InclusiveMaximum}]");
}
