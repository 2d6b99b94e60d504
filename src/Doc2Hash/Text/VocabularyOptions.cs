using System.Collections.Frozen;

namespace Doc2Hash.Text;

/// <summary>
/// The limits of <see cref="VocabularyBuilder"/>, as scikit-learn's CountVectorizer names them. No defaults here:
/// the preprocessing configuration (Data/Preprocessing) owns the authors' values.
/// </summary>
/// <param name="MinDocumentFrequency">min_df: drop terms in fewer training documents than this.</param>
/// <param name="MaxDocumentFrequency">max_df: drop terms in more training documents than this.</param>
/// <param name="MaxFeatures">max_features: keep at most this many terms, the most frequent by total count; null = all.</param>
/// <param name="StopWords">Tokens never counted (<see cref="Text.StopWords.English"/> or <see cref="Text.StopWords.None"/>).</param>
/// <param name="TieBreak">Which terms tied at the max_features cut survive.</param>
public sealed record VocabularyOptions(
    DocumentFrequencyBound MinDocumentFrequency,
    DocumentFrequencyBound MaxDocumentFrequency,
    int? MaxFeatures,
    FrozenSet<string> StopWords,
    MaxFeaturesTieBreak TieBreak);
