namespace Doc2Hash.Retrieval;

/// <summary>
/// Exact top-K of one query while the database streams past in ascending index order, with no distance array.
/// Distances are integers in [0, bits], so the collector keeps a count of codes per distance and a running
/// <see cref="Threshold"/>: the smallest t with at least K codes at distance &lt;= t among those seen (bits until K
/// codes were seen). A code farther than the threshold can never enter the list, so the scan skips it with one
/// vector compare; only the rare codes within it are offered. Offered codes are kept in arrival (= index) order,
/// at most K per distance (later ones at the same distance lose every tie), and a stable counting sort by
/// distance finally yields the ranking (distance, then database index) of <see cref="HammingSearch"/>.
/// Counts are exact for every distance up to the final threshold, because the threshold never rises: the cutoff
/// (K-th distance, codes strictly closer, codes tied) equals the one of a full sort.
/// <para>
/// Unordered mode (multi-index hashing finds codes in no index order): every code within the threshold is kept,
/// and the kept codes are sorted by index before the counting sort. The caller must then offer every code at a
/// distance up to the final K-th distance (multi-index hashing guarantees that before it stops).
/// </para>
/// </summary>
internal sealed class TopKCollector
{
    private const int MinimumCapacity = 64;
    private readonly int _k;
    private readonly int _bits;
    private readonly int[] _counts;     // (bits + 1) codes seen at each distance; exact up to Threshold
    private readonly int[] _cursor;     // (bits + 1) next free rank per distance while placing
    private int[] _indices;             // kept candidates, ascending index
    private int[] _distances;           // their distances
    private int _size;
    private int _withinThreshold;       // codes seen at a distance <= Threshold
    private readonly bool _ordered;     // codes arrive in ascending index order

    public TopKCollector(int k, int bits, bool ordered = true)
    {
        _k = k;
        _ordered = ordered;
        _bits = bits;
        _counts = new int[bits + 1];
        _cursor = new int[bits + 1];
        int capacity = Math.Max(MinimumCapacity, 2 * k);
        _indices = new int[capacity];
        _distances = new int[capacity];
        Reset();
    }

    public int K => _k;

    /// <summary>The largest distance a code may have to still enter the top-K list.</summary>
    public int Threshold { get; private set; }

    /// <summary>Forgets the previous query.</summary>
    public void Reset()
    {
        Array.Clear(_counts);
        _size = 0;
        _withinThreshold = 0;
        Threshold = _bits;
    }

    /// <summary>Offers a code at a distance within <see cref="Threshold"/>, once; in ordered mode in ascending index order.</summary>
    public void Offer(int index, int distance)
    {
        // In index order, a code beyond the first K at its distance loses every tie there.
        if (++_counts[distance] <= _k || !_ordered) Keep(index, distance);
        _withinThreshold++;
        // Lower the threshold while the codes strictly below it already fill the list.
        while (_withinThreshold - _counts[Threshold] >= _k)
        {
            _withinThreshold -= _counts[Threshold];
            Threshold--;
        }
    }

    /// <summary>
    /// Offers the codes flagged in <paramref name="mask"/> (bit j: code 8 x <paramref name="firstGroup"/> + j), each
    /// re-measured and re-checked against the threshold, which earlier codes of the mask may have lowered; flags
    /// past the last code (group padding) are ignored.
    /// </summary>
    public void OfferFlagged(InterleavedCodes codes, ReadOnlySpan<ulong> query, int firstGroup, ulong mask)
    {
        while (mask != 0)
        {
            int index = firstGroup * InterleavedCodes.Lanes + System.Numerics.BitOperations.TrailingZeroCount(mask);
            mask &= mask - 1;
            if (index >= codes.Count) return;
            int distance = codes.Distance(index, query);
            if (distance <= Threshold) Offer(index, distance);
        }
    }

    /// <summary>Writes the ranked top-K (distance, then index) and returns the cutoff. Call after every code was seen.</summary>
    public RankCutoff Finish(Span<int> indices, Span<int> distances)
    {
        if (!_ordered) Array.Sort(_indices, _distances, 0, _size);
        int kth = Threshold, tied = _counts[kth];
        var cutoff = new RankCutoff(_k, kth, _withinThreshold - tied, tied);
        for (int distance = 0, rank = 0; distance <= kth; distance++)
        {
            _cursor[distance] = rank;
            rank += _counts[distance];
        }
        int tiedLeft = cutoff.SlotsLeft;
        for (int c = 0; c < _size; c++)
        {
            int distance = _distances[c];
            if (distance > kth || (distance == kth && tiedLeft-- <= 0)) continue;
            int slot = _cursor[distance]++;
            indices[slot] = _indices[c];
            distances[slot] = distance;
        }
        return cutoff;
    }

    private void Keep(int index, int distance)
    {
        if (_size == _indices.Length) Compact();
        _indices[_size] = index;
        _distances[_size++] = distance;
    }

    // Drops candidates beyond the (lowered) threshold; grows when that frees less than half, so keeping stays O(1) amortised.
    private void Compact()
    {
        int kept = 0;
        for (int c = 0; c < _size; c++)
        {
            if (_distances[c] > Threshold) continue;
            _indices[kept] = _indices[c];
            _distances[kept++] = _distances[c];
        }
        _size = kept;
        if (2 * _size > _indices.Length)
        {
            Array.Resize(ref _indices, 2 * _indices.Length);
            Array.Resize(ref _distances, _indices.Length);
        }
    }
}
