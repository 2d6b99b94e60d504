using System.Numerics;

namespace Doc2Hash.Retrieval;

/// <summary>
/// One worker's search in a <see cref="MultiIndexHashing"/> index, reused query after query (one per thread).
/// k-NN follows the paper's section 4 (Norouzi, Punjani and Fleet, TPAMI 2014): search radius s = 0, 1, 2, ...
/// and, for each s, substring after substring, look up every key at exactly s bits from the query's substring,
/// and measure the full distance of every code met for the first time. After substring j at radius s, a code not
/// met yet differs by more than s bits on substrings 0..j and by at least s on the others, so its distance is at
/// least m s + j + 1. The search stops once that bound exceeds the running K-th distance: every code up to the
/// K-th distance has then been measured, so ranks, ties (by index) and the cutoff are exactly the linear scan's.
/// </summary>
internal sealed class MultiIndexSearcher
{
    private readonly MultiIndexHashing _index;
    private readonly int[] _seenAt;            // (N) the query stamp at which each code was last measured
    private readonly uint[] _keys;             // (m) the query's substrings
    private readonly List<(int Distance, int Index)> _matches = [];
    private int _stamp;
    private TopKCollector? _collector;
    private int _radius;                       // radius search: codes within it are matched; k-NN: -1
    private int _measured;                     // codes measured for the current query

    public MultiIndexSearcher(MultiIndexHashing index)
    {
        _index = index;
        _seenAt = new int[index.Codes.Count];
        _keys = new uint[index.Layout.Count];
    }

    public long KeysProbed { get; private set; }
    public long CodesMeasured { get; private set; }

    /// <summary>The exact top-K of one query, written in rank order; returns its cutoff.</summary>
    public RankCutoff Nearest(ReadOnlySpan<ulong> query, int k, Span<int> indices, Span<int> distances)
    {
        var layout = _index.Layout;
        if (_collector is null || _collector.K != k) _collector = new TopKCollector(k, layout.Bits, ordered: false);
        _collector.Reset();
        Start(query, radius: -1);
        int m = layout.Count, count = _index.Codes.Count;
        for (int s = 0; s <= layout.Lengths[0]; s++)
        {
            for (int j = 0; j < m; j++)
            {
                if (s <= layout.Lengths[j]) Probe(query, j, s);
                if (_measured == count || _collector.Threshold < m * s + j + 1) return _collector.Finish(indices, distances);
            }
        }
        return _collector.Finish(indices, distances);
    }

    /// <summary>Every code within <paramref name="radius"/> of the query, as (distance, index) in rank order.</summary>
    public IReadOnlyList<(int Distance, int Index)> WithinRadius(ReadOnlySpan<ulong> query, int radius)
    {
        var layout = _index.Layout;
        _matches.Clear();
        Start(query, radius);
        // A code within r differs by at most floor(r / m) bits on some substring (pigeonhole).
        for (int s = 0; s <= radius / layout.Count && s <= layout.Lengths[0]; s++)
            for (int j = 0; j < layout.Count; j++)
                if (s <= layout.Lengths[j]) Probe(query, j, s);
        _matches.Sort();
        return _matches;
    }

    private void Start(ReadOnlySpan<ulong> query, int radius)
    {
        if (++_stamp == int.MaxValue)
        {
            Array.Clear(_seenAt);
            _stamp = 1;
        }
        _radius = radius;
        _measured = 0;
        for (int j = 0; j < _keys.Length; j++) _keys[j] = _index.Layout.Key(query, j);
    }

    /// <summary>Visits the buckets of substring j at exactly s bits from the query's key (Gosper's next-combination order).</summary>
    private void Probe(ReadOnlySpan<ulong> query, int j, int s)
    {
        var table = _index.Tables[j];
        uint key = _keys[j], end = 1u << _index.Layout.Lengths[j];
        if (s == 0)
        {
            Visit(query, table.Bucket(key));
            return;
        }
        for (uint flips = (1u << s) - 1; flips < end; flips = NextCombination(flips))
            Visit(query, table.Bucket(key ^ flips));
    }

    private void Visit(ReadOnlySpan<ulong> query, ReadOnlySpan<int> bucket)
    {
        KeysProbed++;
        foreach (int id in bucket)
        {
            if (_seenAt[id] == _stamp) continue;
            _seenAt[id] = _stamp;
            _measured++;
            CodesMeasured++;
            int distance = Distance(query, id);
            if (_radius < 0)
            {
                if (distance <= _collector!.Threshold) _collector.Offer(id, distance);
            }
            else if (distance <= _radius) _matches.Add((distance, id));
        }
    }

    private int Distance(ReadOnlySpan<ulong> query, int id)
    {
        var code = _index.Codes.Code(id);
        int distance = 0;
        for (int w = 0; w < code.Length; w++) distance += BitOperations.PopCount(query[w] ^ code[w]);
        return distance;
    }

    /// <summary>The next larger integer with the same number of ones (Gosper's hack, HAKMEM item 175).</summary>
    private static uint NextCombination(uint x)
    {
        uint lowest = x & (uint)-(int)x, ripple = x + lowest;
        return (((ripple ^ x) >> 2) / lowest) | ripple;
    }
}
