namespace Doc2Hash.Hashing.Relaxations.Lab;

/// <summary>
/// Shape of the relaxation lab's <see cref="ToyLatentModel"/> and its seeded toy corpus. Defaults: 10 bits (1,024
/// codes to enumerate), 16 documents of 40 tokens over 32 words: exact gradients in milliseconds.
/// </summary>
public sealed record ToyModelOptions
{
    /// <summary>L, the latent bits per document (exact enumeration visits 2^L codes; at most <see cref="ExactExpectation.MaxBits"/>).</summary>
    public int Bits { get; init; } = 10;

    /// <summary>D, documents in the toy corpus (each has its own L logits).</summary>
    public int Documents { get; init; } = 16;

    /// <summary>V, words in the vocabulary.</summary>
    public int VocabularySize { get; init; } = 32;

    /// <summary>Tokens drawn per document (the document's word counts sum to this).</summary>
    public int TokensPerDocument { get; init; } = 40;

    /// <summary>Standard deviation of the generating decoder's weights: larger makes each true bit change the word distribution more.</summary>
    public double TrueDecoderScale { get; init; } = 2.0;

    /// <summary>Standard deviation of the model's initial logits (0 would start every bit at q = 1/2).</summary>
    public double InitialLogitScale { get; init; } = 1.0;

    /// <summary>Standard deviation of the model's initial decoder weights (its bias starts at 0).</summary>
    public double InitialDecoderScale { get; init; } = 0.5;

    /// <summary>Seed of the corpus and of the initial parameters: equal options, equal model.</summary>
    public int Seed { get; init; } = 1;

    /// <summary>Throws with the offending value when an option is out of range.</summary>
    public void Validate()
    {
        if (Bits < 1 || Bits > ExactExpectation.MaxBits) throw new ArgumentOutOfRangeException(nameof(Bits), Bits, $"The toy model needs 1 to {ExactExpectation.MaxBits} bits (its gradient is computed by enumerating 2^L codes).");
        if (Documents < 1) throw new ArgumentOutOfRangeException(nameof(Documents), Documents, "The toy corpus needs at least one document.");
        if (VocabularySize < 2) throw new ArgumentOutOfRangeException(nameof(VocabularySize), VocabularySize, "The toy vocabulary needs at least two words.");
        if (TokensPerDocument < 1) throw new ArgumentOutOfRangeException(nameof(TokensPerDocument), TokensPerDocument, "Each toy document needs at least one token.");
        if (TrueDecoderScale < 0 || InitialLogitScale < 0 || InitialDecoderScale < 0)
            throw new ArgumentOutOfRangeException(nameof(TrueDecoderScale), "Scales (standard deviations) must not be negative.");
    }
}
