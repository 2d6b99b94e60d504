using Doc2Hash.Data;
using Doc2Hash.Text;

namespace Doc2Hash.Experiments;

/// <summary>Shape of a <see cref="SyntheticCorpus"/>. Defaults: a tiny 4-topic corpus that trains in seconds.</summary>
public sealed record SyntheticCorpusOptions
{
    /// <summary>Number of topics = single labels.</summary>
    public int Topics { get; init; } = 4;

    /// <summary>Vocabulary size V; split into one block of topic words per topic (the remainder is never topical).</summary>
    public int VocabularySize { get; init; } = 200;

    public int TrainDocuments { get; init; } = 400;
    public int ValidationDocuments { get; init; } = 100;
    public int TestDocuments { get; init; } = 100;

    /// <summary>Tokens drawn per document (with repetition; distinct words are fewer).</summary>
    public int TokensPerDocument { get; init; } = 40;

    /// <summary>Probability that a token comes from the document's topic block rather than the whole vocabulary.</summary>
    public double TopicTokenShare { get; init; } = 0.6;

    /// <summary>Seed of the generator; equal options give equal corpora.</summary>
    public int Seed { get; init; } = 1;
}

/// <summary>
/// A labelled topic corpus generated in memory, for tests, smoke runs and speed benchmarks when the real corpora
/// are not at hand. Each document has one topic; its tokens come from that topic's word block with probability
/// <see cref="SyntheticCorpusOptions.TopicTokenShare"/>, otherwise uniformly from the vocabulary. Weights follow the
/// kit's TF-IDF recipe in spirit: (1 + log tf) * idf with idf fitted on train, rows L2-normalised.
/// </summary>
public static class SyntheticCorpus
{
    public static HashingDataset Generate(SyntheticCorpusOptions options)
    {
        if (options.Topics < 1 || options.VocabularySize < options.Topics)
            throw new ArgumentException($"Need at least one topic and one word per topic (got {options.Topics} topics, {options.VocabularySize} words).");
        var random = new Random(options.Seed);
        var train = Counts(options, options.TrainDocuments, random);
        var validation = Counts(options, options.ValidationDocuments, random);
        var test = Counts(options, options.TestDocuments, random);
        var idf = InverseDocumentFrequency(train.Documents, options.VocabularySize);
        return new HashingDataset(
            $"synthetic-{options.Topics}t-{options.VocabularySize}w-seed{options.Seed}",
            Enumerable.Range(0, options.VocabularySize).Select(i => $"w{i}").ToArray(),
            Enumerable.Range(0, options.Topics).Select(i => $"topic{i}").ToArray(),
            Split(train, idf, options), Split(validation, idf, options), Split(test, idf, options));
    }

    private static (List<SortedDictionary<int, int>> Documents, List<int> Topics) Counts(SyntheticCorpusOptions options, int count, Random random)
    {
        int block = options.VocabularySize / options.Topics;
        var documents = new List<SortedDictionary<int, int>>(count);
        var topics = new List<int>(count);
        for (int d = 0; d < count; d++)
        {
            int topic = random.Next(options.Topics);
            var counts = new SortedDictionary<int, int>();
            for (int t = 0; t < options.TokensPerDocument; t++)
            {
                int word = random.NextDouble() < options.TopicTokenShare
                    ? topic * block + random.Next(block)
                    : random.Next(options.VocabularySize);
                counts[word] = counts.GetValueOrDefault(word) + 1;
            }
            documents.Add(counts);
            topics.Add(topic);
        }
        return (documents, topics);
    }

    /// <summary>Smooth idf, ln((1 + n) / (1 + df)) + 1, as scikit-learn's TfidfTransformer.</summary>
    private static double[] InverseDocumentFrequency(List<SortedDictionary<int, int>> documents, int vocabularySize)
    {
        var df = new int[vocabularySize];
        foreach (var document in documents)
            foreach (int word in document.Keys) df[word]++;
        return df.Select(f => Math.Log((1.0 + documents.Count) / (1.0 + f)) + 1).ToArray();
    }

    private static DatasetSplit Split((List<SortedDictionary<int, int>> Documents, List<int> Topics) part, double[] idf, SyntheticCorpusOptions options)
    {
        var pointers = new int[part.Documents.Count + 1];
        var indices = new List<int>();
        var values = new List<float>();
        for (int d = 0; d < part.Documents.Count; d++)
        {
            var weights = part.Documents[d].Select(kv => (kv.Key, Weight: (1 + Math.Log(kv.Value)) * idf[kv.Key])).ToArray();
            double norm = Math.Sqrt(weights.Sum(w => w.Weight * w.Weight));
            foreach (var (word, weight) in weights)
            {
                indices.Add(word);
                values.Add((float)(weight / norm));
            }
            pointers[d + 1] = values.Count;
        }
        var features = new SparseMatrix(part.Documents.Count, options.VocabularySize, pointers, indices.ToArray(), values.ToArray());
        return new DatasetSplit(features, LabelMatrix.SingleLabel(options.Topics, part.Topics));
    }
}
