namespace Doc2Hash.Retrieval;

/// <summary>Checks shared by every search over (queries, database, K), with messages that say how to fix the call.</summary>
internal static class SearchInput
{
    public static void Validate(BinaryCodes queries, BinaryCodes database, int k)
    {
        ArgumentNullException.ThrowIfNull(queries);
        ArgumentNullException.ThrowIfNull(database);
        if (queries.Bits != database.Bits)
            throw new ArgumentException(
                $"Query codes have {queries.Bits} bits but database codes have {database.Bits}; encode both with the same model.",
                nameof(queries));
        if (k <= 0)
            throw new ArgumentOutOfRangeException(nameof(k), k, "K must be at least 1 (the number of database codes to retrieve per query).");
        // K beyond the database is an error, not a silent clamp: a precision over fewer than K items would not be P@K.
        if (k > database.Count)
            throw new ArgumentOutOfRangeException(nameof(k), k,
                $"K ({k}) exceeds the database size ({database.Count}); pass K <= {database.Count} or a larger database.");
    }
}
