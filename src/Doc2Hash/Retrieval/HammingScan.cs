using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Doc2Hash.Retrieval;

/// <summary>
/// One worker's scratch space for exact top-K, reused query after query (one per thread).
/// Distances are small integers in [0, bits], so no comparison sort is needed: the K-th distance D is the smallest
/// t with at least K codes at distance &lt;= t, found by counting codes under a few thresholds (SIMD passes,
/// starting from the previous query's D, since consecutive queries have similar ones); then the few codes within D
/// are gathered in index order and each is placed at its rank by a counting sort on its distance. The result is
/// ordered by (distance, database index) and costs O(N) per query with small constants.
/// </summary>
internal sealed class HammingScan
{
    private readonly BinaryCodes _database;
    private readonly int[] _distances; // (N) distance from the current query to each database code
    private readonly int[] _gathered;  // (N) indices of the codes within Limit, ascending; the first _gatheredCount are used
    private readonly int[] _histogram; // (bits + 1) gathered codes at each distance
    private readonly int[] _cursor;    // (bits + 1) next free rank for each distance while collecting
    private int _gatheredCount;
    private int _previousKth;          // where the search for the next query's K-th distance starts

    public HammingScan(BinaryCodes database)
    {
        _database = database;
        _distances = new int[database.Count];
        _gathered = new int[database.Count];
        _histogram = new int[database.Bits + 1];
        _cursor = new int[database.Bits + 1];
    }

    /// <summary>Distances from the last measured query to every database code, in database order.</summary>
    public ReadOnlySpan<int> Distances => _distances;

    /// <summary>Database indices of the codes within <see cref="Limit"/> of the last measured query, ascending.</summary>
    public ReadOnlySpan<int> Gathered => _gathered.AsSpan(0, _gatheredCount);

    /// <summary>Database codes at each distance: exact up to <see cref="Limit"/>, zero above it.</summary>
    public ReadOnlySpan<int> Histogram => _histogram;

    /// <summary>The largest distance gathered: max(K-th distance, the minimum limit asked for).</summary>
    public int Limit { get; private set; }

    /// <summary>
    /// Measures the distances from <paramref name="query"/>, finds its K-th distance and gathers every code within
    /// max(K-th distance, <paramref name="minimumLimit"/>). Returns the cutoff of the top-K list.
    /// </summary>
    public RankCutoff Measure(ReadOnlySpan<ulong> query, int k, int minimumLimit = 0)
    {
        HammingDistance.ToAll(query, _database, _distances);
        _previousKth = FindKthDistance(k);
        Limit = Math.Max(_previousKth, Math.Min(minimumLimit, _database.Bits));
        Gather();
        return FindCutoff(k);
    }

    /// <summary>The cutoff of the top-k list for any k up to the one measured (its K-th distance is within Limit).</summary>
    public RankCutoff FindCutoff(int k)
    {
        if (k > _gatheredCount)
            throw new InvalidOperationException($"Top-{k} needs a measure with K >= {k}; only {_gatheredCount} codes were gathered.");
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
        foreach (int i in Gathered)
        {
            int distance = _distances[i];
            if (distance > cutoff.Distance) continue;
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

    // Gallops from the previous query's K-th distance to bracket the answer, then bisects: O(log |change|) passes.
    // Invariant: CountWithin(low) < k <= CountWithin(high); low = -1 stands for "no code" (count 0 < k).
    private int FindKthDistance(int k)
    {
        int bits = _database.Bits, low, high, step = 1;
        if (CountWithin(_previousKth) >= k)
        {
            for (high = _previousKth, low = high - step; low >= 0 && CountWithin(low) >= k; step *= 2, low = high - step)
                high = low;
            low = Math.Max(low, -1);
        }
        else
        {
            // CountWithin(bits) = N >= k, so this ends.
            for (low = _previousKth, high = Math.Min(low + step, bits); CountWithin(high) < k; step *= 2, high = Math.Min(low + step, bits))
                low = high;
        }
        while (high - low > 1)
        {
            int middle = (low + high) / 2;
            if (CountWithin(middle) >= k) high = middle;
            else low = middle;
        }
        return high;
    }

    // Codes at distance <= limit: eight distances per compare, the -1 of each true lane subtracted into a counter.
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private int CountWithin(int limit)
    {
        ReadOnlySpan<int> distances = _distances;
        int count = 0, i = 0;
        if (Vector256.IsHardwareAccelerated)
        {
            var counts = Vector256<int>.Zero;
            var limits = Vector256.Create(limit);
            for (; i + Vector256<int>.Count <= distances.Length; i += Vector256<int>.Count)
                counts -= Vector256.LessThanOrEqual(Vector256.Create(distances[i..]), limits);
            count = Vector256.Sum(counts);
        }
        for (; i < distances.Length; i++) count += distances[i] <= limit ? 1 : 0;
        return count;
    }

    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    private void Gather()
    {
        Array.Clear(_histogram);
        int count = 0;
        foreach (int i in new WithinDistance(_distances, Limit))
        {
            _gathered[count++] = i;
            _histogram[_distances[i]]++;
        }
        _gatheredCount = count;
    }
}
