namespace Doc2Hash.Data.Preprocessing;

/// <summary>What a label is when labels are counted and selected.</summary>
public enum LabelUnit
{
    /// <summary>A label name as the corpus reader returns it ("money-fx").</summary>
    Name,

    /// <summary>
    /// A token of the label names, as the authors' Reuters script makes them: it joins a document's categories with
    /// spaces and runs <c>CountVectorizer(binary=True, max_features=20)</c> over them, so "money-fx" and
    /// "money-supply" become the tokens "money", "fx" and "supply" (lowercase, scikit-learn's token pattern).
    /// </summary>
    Token,
}

/// <summary>
/// Which labels the prepared dataset keeps, learned on the training split. <see cref="MostFrequent"/> = N keeps the N
/// labels carried by the most training documents; null keeps every label seen in training. Ties at the cut: label
/// names keep the smallest names (code point order); label tokens follow scikit-learn exactly (numpy's argsort, see
/// <see cref="Text.MaxFeaturesTieBreak.ScikitLearn"/>), as in the authors' script. Kept labels are numbered in code
/// point order of their names, as scikit-learn's sorted vocabulary and 20 Newsgroups' sorted target names are.
/// </summary>
public sealed record LabelSelection(int? MostFrequent, LabelUnit Unit)
{
    /// <summary>Every label name seen in the training split (20 Newsgroups' 20 groups, TMC's 22 labels).</summary>
    public static LabelSelection All { get; } = new(null, LabelUnit.Name);

    /// <summary>The <paramref name="count"/> most frequent label names in training (e.g. Reuters' top 20 categories).</summary>
    public static LabelSelection TopNames(int count) => new(Positive(count), LabelUnit.Name);

    /// <summary>The authors' Reuters labels: the <paramref name="count"/> most frequent label tokens (they use 20).</summary>
    public static LabelSelection TopTokens(int count) => new(Positive(count), LabelUnit.Token);

    public override string ToString() => $"{Unit.ToString().ToLowerInvariant()}:{(MostFrequent is int n ? "top" + n : "all")}";

    private static int Positive(int count)
    {
        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(count);
        return count;
    }
}
