using System.Numerics;
using System.Runtime.CompilerServices;
using System.Runtime.Intrinsics;

namespace Doc2Hash.Retrieval;

/// <summary>
/// Enumerates, in ascending index order, the positions whose distance is at most a limit. Selected codes are rare
/// (about K out of N), so blocks of eight distances are compared at once with SIMD (Vector256: one AVX2 compare and
/// a movemask on x64) and only the set bits of the mask are visited.
/// Use: <c>foreach (int i in new WithinDistance(distances, limit)) ...</c>
/// </summary>
internal ref struct WithinDistance
{
    private const int BlockSize = 8; // bits of the mask, and Vector256<int>.Count
    private readonly ReadOnlySpan<int> _distances;
    private readonly int _limit;
    private int _blockStart;
    private uint _mask; // bit j set: position _blockStart + j is within the limit and not yet visited

    public WithinDistance(ReadOnlySpan<int> distances, int limit)
    {
        _distances = distances;
        _limit = limit;
        _blockStart = -BlockSize;
        Current = -1;
    }

    public int Current { get; private set; }

    public readonly WithinDistance GetEnumerator() => this;

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    public bool MoveNext()
    {
        while (_mask == 0)
        {
            _blockStart += BlockSize;
            if (_blockStart >= _distances.Length) return false;
            _mask = BlockMask(_distances[_blockStart..], _limit);
        }
        Current = _blockStart + BitOperations.TrailingZeroCount(_mask);
        _mask &= _mask - 1;
        return true;
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint BlockMask(ReadOnlySpan<int> rest, int limit)
    {
        if (Vector256.IsHardwareAccelerated && rest.Length >= BlockSize)
            return Vector256.LessThanOrEqual(Vector256.Create(rest), Vector256.Create(limit)).ExtractMostSignificantBits();
        uint mask = 0;
        for (int j = 0; j < Math.Min(BlockSize, rest.Length); j++)
            if (rest[j] <= limit) mask |= 1u << j;
        return mask;
    }
}
