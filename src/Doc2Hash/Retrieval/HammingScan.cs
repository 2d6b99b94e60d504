using System.Runtime.CompilerServices;

namespace Doc2Hash.Retrieval;

/// <summary>
/// One worker's scratch space for exact top-K by counting, reused query after query (one per thread).
/// Distances are small integers in [0, bits], so instead of sorting N distances we count how many database codes
/// sit at each distance, read the K-th distance off the cumulative counts, and place every selected code directly
/// at its rank: O(N + bits) per query, and the (distance, index) order comes out without a comparison sort.
/// </summary>
internal sealed class HammingScan
{
    private readonly BinaryCodes _database;
    private readonly int[] _distances; // (N) distance from the current query to each database code
    private readonly int[] _histogram; // (bits + 1) database codes at each distance
    private readonly int[] _cursor;    // (bits + 1) next free rank for each distance while collecting

    public HammingScan(BinaryCodes database)
    {
        _database = database;
        _distances = new int[database.Count];
        _histogram = new int[database.Bits + 1];
        _cursor = new int[database.Bits + 1];
    }

    /// <summary>Distances from the last measured query to every database code, in database order.</summary>
    public ReadOnlySpan<int> Distances => _distances;

    /// <summary>Database codes at each distance 0..bits for the last measured query.</summary>
    public ReadOnlySpan<int> Histogram => _histogram;

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Measure(ReadOnlySpan<ulong> query)
    {
        HammingDistance.ToAll(query, _database, _distances);
        Array.Clear(_histogram);
        foreach (int distance in _distances) _histogram[distance]++;
    }

    /// <summary>The K-th distance of the last measured query: the smallest d with at least K codes at distance &lt;= d.</summary>
    public RankCutoff FindCutoff(int k)
    {
        int closer = 0;
        for (int distance = 0; ; distance++)
        {
            int here = _histogram[distance];
            if (closer + here >= k) return new RankCutoff(k, distance, closer, here);
            closer += here;
        }
    }

    /// <summary>Writes the top-K indices and distances in rank order (distance, then database index).</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public void Collect(RankCutoff cutoff, Span<int> indices, Span<int> distances)
    {
        int rank = 0;
        for (int distance = 0; distance <= cutoff.Distance; distance++)
        {
            _cursor[distance] = rank;
            rank += _histogram[distance];
        }
        // Visiting in index order keeps ties in index order; only the first SlotsLeft tied codes are taken.
        int tiedLeft = cutoff.SlotsLeft, placed = 0;
        foreach (int i in new WithinDistance(_distances, cutoff.Distance))
        {
            int distance = _distances[i];
            if (distance == cutoff.Distance)
            {
                if (tiedLeft == 0) continue; // closer codes may still follow at higher indices
                tiedLeft--;
            }
            int slot = _cursor[distance]++;
            indices[slot] = i;
            distances[slot] = distance;
            if (++placed == cutoff.K) return;
        }
    }
}
