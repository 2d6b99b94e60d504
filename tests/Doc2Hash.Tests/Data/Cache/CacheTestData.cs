using System.Collections;
using Doc2Hash.Data;
using Doc2Hash.Text;

namespace Doc2Hash.Tests.Data.Cache;

internal static class CacheTestData
{
    /// <summary>A tiny multi-label dataset: 3 / 1 / 2 documents over 4 words and 3 labels.</summary>
    public static HashingDataset Tiny(string name = "tiny", IReadOnlyList<string>? vocabulary = null) => new(
        name,
        vocabulary ?? ["apple", "bänk", "cat", "dog"],
        ["x", "y", "z"],
        new DatasetSplit(SparseMatrix.FromDense(new float[,] { { 0.6f, 0, 0.8f, 0 }, { 0, 1, 0, 0 }, { 0, 0, 0, 0 } }),
            LabelMatrix.MultiLabel(3, [[0, 2], [1], []])),
        new DatasetSplit(SparseMatrix.FromDense(new float[,] { { 0, 0, 0, 1 } }), LabelMatrix.MultiLabel(3, [[2]])),
        new DatasetSplit(SparseMatrix.FromDense(new float[,] { { 0.5f, 0.5f, 0.5f, 0.5f }, { 0, 0, 1e-7f, 0 } }),
            LabelMatrix.MultiLabel(3, [[0, 1, 2], [0]])));

    /// <summary>
    /// A single-label dataset the size of the processed 20 Newsgroups (about 17,000 documents x 10,000 words,
    /// 1.2 M stored values: 70 distinct random words per document; 20 classes), from a fixed seed.
    /// </summary>
    public static HashingDataset NewsgroupsSized(int seed)
    {
        const int Words = 10_000, WordsPerDocument = 70, Classes = 20;
        var random = new Random(seed);
        var allWords = Enumerable.Range(0, Words).ToArray();
        DatasetSplit Split(int documents)
        {
            var pointers = new int[documents + 1];
            var columns = new int[documents * WordsPerDocument];
            var values = new float[columns.Length];
            for (int d = 0; d < documents; d++)
            {
                var row = random.GetItems(allWords, WordsPerDocument * 2).Distinct().Take(WordsPerDocument).Order().ToArray();
                row.CopyTo(columns, d * WordsPerDocument);
                for (int k = 0; k < WordsPerDocument; k++) values[d * WordsPerDocument + k] = (float)random.NextDouble();
                pointers[d + 1] = (d + 1) * WordsPerDocument;
            }
            var labels = Enumerable.Range(0, documents).Select(_ => random.Next(Classes)).ToArray();
            return new DatasetSplit(new SparseMatrix(documents, Words, pointers, columns, values), LabelMatrix.SingleLabel(Classes, labels));
        }
        return new HashingDataset("ng20", Enumerable.Range(0, Words).Select(i => $"word{i}").ToArray(),
            Enumerable.Range(0, Classes).Select(i => $"group{i}").ToArray(), Split(11_000), Split(3_000), Split(3_000));
    }

    public static void AssertEqual(HashingDataset expected, HashingDataset actual)
    {
        Assert.Equal(expected.Name, actual.Name);
        Assert.Equal(expected.Vocabulary, actual.Vocabulary);
        Assert.Equal(expected.LabelNames, actual.LabelNames);
        Assert.Equal(expected.IsMultiLabel, actual.IsMultiLabel);
        foreach (var (a, b) in new[] { (expected.Train, actual.Train), (expected.Validation, actual.Validation), (expected.Test, actual.Test) })
        {
            Assert.Equal((a.Features.Rows, a.Features.Columns), (b.Features.Rows, b.Features.Columns));
            Assert.Equal(a.Features.RowPointers, b.Features.RowPointers);
            Assert.Equal(a.Features.ColumnIndices, b.Features.ColumnIndices);
            Assert.Equal(a.Features.Values, b.Features.Values);
            Assert.Equal(a.Labels.LabelCount, b.Labels.LabelCount);
            Assert.Equal(a.Labels.RowPointers, b.Labels.RowPointers);
            Assert.Equal(a.Labels.LabelIds, b.Labels.LabelIds);
        }
    }

    /// <summary>A list whose enumeration fails after <c>failAfter</c> items: makes a save throw half-way.</summary>
    public sealed class FailingList(IReadOnlyList<string> items, int failAfter) : IReadOnlyList<string>
    {
        public string this[int index] => index < failAfter ? items[index] : throw new IOException("simulated failure");
        public int Count => items.Count;
        public IEnumerator<string> GetEnumerator()
        {
            for (int i = 0; i < items.Count; i++) yield return this[i];
        }
        IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();
    }
}
