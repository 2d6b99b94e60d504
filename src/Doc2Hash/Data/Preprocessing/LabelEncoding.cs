using Doc2Hash.Text;

namespace Doc2Hash.Data.Preprocessing;

/// <summary>
/// The labels a prepared dataset keeps (chosen on the training split by a <see cref="LabelSelection"/>) and the
/// mapping from a raw document's label names to sorted label ids. A document may end up with no kept label.
/// </summary>
public sealed class LabelEncoding
{
    private readonly Dictionary<string, int> _ids;

    private LabelEncoding(string[] names, LabelUnit unit)
    {
        Names = names;
        Unit = unit;
        _ids = names.Select((name, id) => (name, id)).ToDictionary(p => p.name, p => p.id, StringComparer.Ordinal);
    }

    /// <summary>The kept labels in code point order; label id i is Names[i].</summary>
    public IReadOnlyList<string> Names { get; }
    public LabelUnit Unit { get; }

    public static LabelEncoding Fit(IReadOnlyList<RawDocument> train, LabelSelection selection)
    {
        var documentCounts = new Dictionary<string, int>(StringComparer.Ordinal);
        foreach (var document in train)
            foreach (var unit in UnitsOf(document, selection.Unit))
                documentCounts[unit] = documentCounts.GetValueOrDefault(unit) + 1;
        var names = selection.MostFrequent is int limit && documentCounts.Count > limit
            ? MostFrequent(train, documentCounts, limit, selection.Unit)
            : documentCounts.Keys.ToArray();
        Array.Sort(names, CodePointComparer.Instance);
        return new LabelEncoding(names, selection.Unit);
    }

    /// <summary>
    /// Label names: the largest document counts, ties by ascending name. Label tokens: exactly the authors'
    /// <c>CountVectorizer(binary=True, max_features=limit)</c>, whose ties follow numpy's argsort; with each document's
    /// tokens made distinct first, total counts are document counts, as <c>binary=True</c> makes them.
    /// </summary>
    private static string[] MostFrequent(IReadOnlyList<RawDocument> train, Dictionary<string, int> documentCounts, int limit, LabelUnit unit)
    {
        if (unit == LabelUnit.Name)
            return documentCounts.OrderByDescending(p => p.Value).ThenBy(p => p.Key, CodePointComparer.Instance).Take(limit).Select(p => p.Key).ToArray();
        var labelDocuments = train.Select(d => string.Join(' ', UnitsOf(d, LabelUnit.Token))).ToArray();
        var options = new VocabularyOptions(DocumentFrequencyBound.Count(1), DocumentFrequencyBound.Proportion(1.0), limit,
            StopWords.None, MaxFeaturesTieBreak.ScikitLearn);
        return VocabularyBuilder.Fit(labelDocuments, options).ToArray();
    }

    /// <summary>The ids of the document's kept labels, ascending and distinct (possibly none).</summary>
    public int[] Encode(RawDocument document)
    {
        var ids = new SortedSet<int>();
        foreach (var unit in UnitsOf(document, Unit))
            if (_ids.TryGetValue(unit, out int id)) ids.Add(id);
        return ids.ToArray();
    }

    /// <summary>The distinct label names, or label tokens, of one document.</summary>
    private static HashSet<string> UnitsOf(RawDocument document, LabelUnit unit) => unit switch
    {
        LabelUnit.Name => document.Labels.ToHashSet(StringComparer.Ordinal),
        LabelUnit.Token => document.Labels.SelectMany(Tokenizer.Tokenize).ToHashSet(StringComparer.Ordinal),
        _ => throw new ArgumentOutOfRangeException(nameof(unit), unit, "Unknown label unit."),
    };
}
