using System.Runtime.CompilerServices;

namespace Doc2Hash.Text;

/// <summary>
/// A map from distinct strings to dense ids 0..Count-1 that is looked up with a span of characters, so counting a
/// token allocates nothing. Open addressing with linear probing over a power-of-two slot array kept at most half
/// full; FNV-1a over the UTF-16 units, spread by a Fibonacci multiply. It replaces Dictionary's span lookup on the
/// hottest path of the pipeline because it is faster and, compiled fully optimised from the first call, it does not
/// run as slow unoptimised code during a one-shot (cold) preprocessing run.
/// </summary>
internal sealed class TermIndex
{
    private const int MinimumSlots = 16;
    private int[] _slots;          // id + 1 of the term in each slot; 0 = empty
    private int _shift;            // 32 - log2(slot count)
    private string[] _terms;
    private uint[] _hashes;

    public TermIndex(int capacity)
    {
        int slots = MinimumSlots;
        while (slots < 2 * capacity) slots *= 2;
        _slots = new int[slots];
        _shift = 32 - System.Numerics.BitOperations.Log2((uint)slots);
        _terms = new string[Math.Max(capacity, 1)];
        _hashes = new uint[_terms.Length];
    }

    public int Count { get; private set; }

    public string this[int id] => _terms[id];

    /// <summary>The id of <paramref name="key"/>, or -1 if it has none.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int Find(ReadOnlySpan<char> key)
    {
        uint hash = Hash(key);
        int mask = _slots.Length - 1;
        for (int slot = (int)((hash * 0x9E3779B9u) >> _shift); ; slot = (slot + 1) & mask)
        {
            int id = _slots[slot] - 1;
            if (id < 0) return -1;
            if (_hashes[id] == hash && key.SequenceEqual(_terms[id])) return id;
        }
    }

    /// <summary>The id of <paramref name="key"/>, giving it the next id if it is new.</summary>
    [MethodImpl(MethodImplOptions.AggressiveOptimization)]
    public int GetOrAdd(ReadOnlySpan<char> key)
    {
        int id = Find(key);
        return id >= 0 ? id : Add(key.ToString());
    }

    /// <summary>Adds a key that is not present yet and returns its id.</summary>
    public int Add(string key)
    {
        if (2 * (Count + 1) > _slots.Length) Grow();
        if (Count == _terms.Length)
        {
            Array.Resize(ref _terms, 2 * _terms.Length);
            Array.Resize(ref _hashes, _terms.Length);
        }
        uint hash = Hash(key);
        _terms[Count] = key;
        _hashes[Count] = hash;
        Place(Count, hash);
        return Count++;
    }

    private void Place(int id, uint hash)
    {
        int mask = _slots.Length - 1;
        int slot = (int)((hash * 0x9E3779B9u) >> _shift);
        while (_slots[slot] != 0) slot = (slot + 1) & mask;
        _slots[slot] = id + 1;
    }

    private void Grow()
    {
        _slots = new int[2 * _slots.Length];
        _shift--;
        for (int id = 0; id < Count; id++) Place(id, _hashes[id]);
    }

    [MethodImpl(MethodImplOptions.AggressiveInlining)]
    private static uint Hash(ReadOnlySpan<char> key)
    {
        uint hash = 2166136261;
        foreach (char c in key) hash = (hash ^ c) * 16777619;
        return hash;
    }
}
