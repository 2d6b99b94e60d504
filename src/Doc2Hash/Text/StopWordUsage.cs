using System.Collections.Frozen;

namespace Doc2Hash.Text;

/// <summary>
/// How much text the stop-word list removed from a collection: every stop word that occurred, with its number of
/// occurrences, against the total number of tokens (same tokenizer as the vocabulary, <see cref="Tokenizer"/>).
/// </summary>
public sealed record StopWordUsage(long TotalTokens, long StopWordTokens, IReadOnlyDictionary<string, long> Occurrences)
{
    public double StopWordShare => TotalTokens == 0 ? 0 : (double)StopWordTokens / TotalTokens;

    /// <summary>The <paramref name="count"/> most frequent stop words (ties by code point order).</summary>
    public IReadOnlyList<(string Word, long Occurrences)> MostFrequent(int count) =>
        Occurrences.OrderByDescending(p => p.Value).ThenBy(p => p.Key, CodePointComparer.Instance)
            .Take(count).Select(p => (p.Key, p.Value)).ToArray();

    public static StopWordUsage Count(IReadOnlyList<string> documents, FrozenSet<string> stopWords)
    {
        var lookup = stopWords.GetAlternateLookup<ReadOnlySpan<char>>();
        var occurrences = new Dictionary<string, long>(StringComparer.Ordinal);
        long total = 0, removed = 0;
        char[] buffer = [];
        foreach (string document in documents)
        {
            foreach (var token in Tokenizer.LowercaseTokens(document, ref buffer))
            {
                total++;
                if (!lookup.TryGetValue(token, out string? word)) continue;
                removed++;
                occurrences[word] = occurrences.GetValueOrDefault(word) + 1;
            }
        }
        return new StopWordUsage(total, removed, occurrences);
    }
}
