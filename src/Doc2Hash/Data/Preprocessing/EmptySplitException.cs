namespace Doc2Hash.Data.Preprocessing;

/// <summary>Preprocessing left a split with no documents; the message says which split, why, and what to relax.</summary>
public sealed class EmptySplitException(string split, string message) : InvalidOperationException(message)
{
    /// <summary>"train", "test" or "validation".</summary>
    public string Split { get; } = split;
}
