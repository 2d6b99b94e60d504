namespace Doc2Hash.Text;

/// <summary>Which of the terms tied at the <c>max_features</c> cut are kept.</summary>
public enum MaxFeaturesTieBreak
{
    /// <summary>
    /// Exactly scikit-learn's choice: the first <c>max_features</c> of numpy's unstable <c>argsort</c> of the negated
    /// totals over the alphabetically sorted terms (<see cref="NumpyArgsort"/>); reproduces the authors' vocabulary.
    /// </summary>
    ScikitLearn,

    /// <summary>A simple documented rule: among tied terms the smallest in code point order are kept.</summary>
    AscendingTerm,
}
