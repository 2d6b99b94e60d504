namespace Doc2Hash.Retrieval;

/// <summary>Work done by a multi-index search: keys looked up and codes whose full distance was measured.</summary>
public sealed class MultiIndexStatistics
{
    private long _queries, _keysProbed, _codesMeasured;

    public long Queries => Interlocked.Read(ref _queries);
    public long KeysProbed => Interlocked.Read(ref _keysProbed);
    public long CodesMeasured => Interlocked.Read(ref _codesMeasured);

    internal void Add(long queries, long keysProbed, long codesMeasured)
    {
        Interlocked.Add(ref _queries, queries);
        Interlocked.Add(ref _keysProbed, keysProbed);
        Interlocked.Add(ref _codesMeasured, codesMeasured);
    }
}

/// <summary>
/// An exact Hamming index that is sub-linear on clustered codes: multi-index hashing (Norouzi, Punjani and Fleet,
/// "Fast Exact Search in Hamming Space with Multi-Index Hashing", TPAMI 36(6), 2014). The codes are cut into m
/// substrings (<see cref="SubstringLayout"/>), each indexing a direct-address table; a query looks up the keys
/// near each of its substrings and measures only the codes it meets (<see cref="MultiIndexSearcher"/>).
/// Results equal <see cref="HammingSearch.TopK(BinaryCodes, BinaryCodes, int)"/> exactly: same ranking (distance,
/// then database index), same cutoffs. It pays off while the K-th distance is small relative to m; at larger
/// radii the number of keys grows combinatorially and the linear scan wins (measured in README.md).
/// </summary>
public sealed class MultiIndexHashing
{
    private MultiIndexHashing(BinaryCodes codes, SubstringLayout layout)
    {
        Codes = codes;
        Layout = layout;
        Tables = new SubstringTable[layout.Count];
        Parallel.For(0, layout.Count, j => Tables[j] = SubstringTable.Build(codes, layout, j));
    }

    /// <summary>The database codes (row i is database index i).</summary>
    public BinaryCodes Codes { get; }

    public SubstringLayout Layout { get; }

    internal SubstringTable[] Tables { get; }

    /// <summary>Memory of the tables: offsets and ids, in bytes.</summary>
    public long TableBytes => Tables.Sum(t => 4L * (t.Offsets.Length + t.Ids.Length));

    /// <summary>Indexes <paramref name="codes"/> with the given layout, or the paper's m = b / log2(N) (<see cref="SubstringLayout.Recommended"/>).</summary>
    public static MultiIndexHashing Build(BinaryCodes codes, SubstringLayout? layout = null)
    {
        ArgumentNullException.ThrowIfNull(codes);
        if (codes.Count == 0) throw new ArgumentException("Cannot index an empty database; pass at least one code.", nameof(codes));
        layout ??= SubstringLayout.Recommended(codes.Bits, codes.Count);
        if (layout.Bits != codes.Bits)
            throw new ArgumentException($"The layout cuts {layout.Bits}-bit codes but the database has {codes.Bits}-bit codes.", nameof(layout));
        return new MultiIndexHashing(codes, layout);
    }

    /// <summary>The K nearest database codes of each query (all cores), exactly as the linear scan ranks them.</summary>
    public TopKResult TopK(BinaryCodes queries, int k, MultiIndexStatistics? statistics = null)
    {
        SearchInput.Validate(queries, Codes, k);
        var result = TopKResult.Allocate(queries.Count, k);
        Parallel.For(0, queries.Count, () => new MultiIndexSearcher(this), (q, _, searcher) =>
        {
            result.Cutoffs[q] = searcher.Nearest(queries.Code(q), k, result.Indices.AsSpan(q * k, k), result.Distances.AsSpan(q * k, k));
            return searcher;
        }, searcher => statistics?.Add(0, searcher.KeysProbed, searcher.CodesMeasured));
        statistics?.Add(queries.Count, 0, 0);
        return result;
    }

    /// <summary>Every database code within Hamming distance <paramref name="radius"/> of each query, in rank order.</summary>
    public RadiusResult WithinRadius(BinaryCodes queries, int radius)
    {
        ArgumentNullException.ThrowIfNull(queries);
        if (queries.Bits != Codes.Bits)
            throw new ArgumentException($"Query codes have {queries.Bits} bits but the index holds {Codes.Bits}-bit codes; encode both with the same model.", nameof(queries));
        ArgumentOutOfRangeException.ThrowIfNegative(radius);
        var perQuery = new (int Distance, int Index)[queries.Count][];
        Parallel.For(0, queries.Count, () => new MultiIndexSearcher(this), (q, _, searcher) =>
        {
            perQuery[q] = [.. searcher.WithinRadius(queries.Code(q), radius)];
            return searcher;
        }, _ => { });
        var offsets = new int[queries.Count + 1];
        for (int q = 0; q < queries.Count; q++) offsets[q + 1] = offsets[q] + perQuery[q].Length;
        var matches = perQuery.SelectMany(m => m).ToArray();
        return new RadiusResult(radius, offsets, [.. matches.Select(m => m.Index)], [.. matches.Select(m => m.Distance)]);
    }

    /// <summary>Writes the index atomically (<see cref="MultiIndexFile"/>); an existing file is an error unless <paramref name="overwrite"/>.</summary>
    public void Save(string path, bool overwrite = false) => MultiIndexFile.Write(path, this, overwrite);

    /// <summary>Reads an index written by <see cref="Save"/>, verifying format, version and checksum.</summary>
    public static MultiIndexHashing Load(string path) => MultiIndexFile.Read(path);
}
