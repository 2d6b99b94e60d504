using Doc2Hash.Hashing.Relaxations.Lab;

namespace Doc2Hash.Tests.Hashing.Relaxations.Lab;

/// <summary>Toy models small enough for tests that repeat estimates hundreds of times (16 codes per document).</summary>
internal static class ToyCases
{
    public static readonly ToyModelOptions Small = new() { Bits = 4, Documents = 4, VocabularySize = 12, TokensPerDocument = 20, Seed = 2 };
}
