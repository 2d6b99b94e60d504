namespace Doc2Hash.Retrieval;

/// <summary>
/// One hash table of multi-index hashing, direct-addressed: key k's database indices are
/// Ids[Offsets[k] .. Offsets[k + 1]), ascending (a counting sort of the codes by their substring).
/// Memory: 2^length + 1 offsets and one id per database code.
/// </summary>
internal sealed class SubstringTable
{
    private SubstringTable(int[] offsets, int[] ids)
    {
        Offsets = offsets;
        Ids = ids;
    }

    public int[] Offsets { get; }
    public int[] Ids { get; }

    public ReadOnlySpan<int> Bucket(uint key) => Ids.AsSpan(Offsets[key], Offsets[key + 1] - Offsets[key]);

    public static SubstringTable Build(BinaryCodes codes, SubstringLayout layout, int j)
    {
        var offsets = new int[(1 << layout.Lengths[j]) + 1];
        var keys = new uint[codes.Count];
        for (int i = 0; i < codes.Count; i++)
        {
            keys[i] = layout.Key(codes.Code(i), j);
            offsets[keys[i] + 1]++;
        }
        for (int k = 1; k < offsets.Length; k++) offsets[k] += offsets[k - 1];
        var ids = new int[codes.Count];
        var next = offsets[..^1];
        for (int i = 0; i < codes.Count; i++) ids[next[keys[i]]++] = i;
        return new SubstringTable(offsets, ids);
    }
}
