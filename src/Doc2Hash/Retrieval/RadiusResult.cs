namespace Doc2Hash.Retrieval;

/// <summary>
/// Every database code within a Hamming radius of each query, in rank order (distance, then database index):
/// query q's matches are Indices[Offsets[q] .. Offsets[q + 1]) with their Distances.
/// </summary>
public sealed class RadiusResult
{
    public RadiusResult(int radius, int[] offsets, int[] indices, int[] distances)
    {
        if (offsets.Length == 0 || offsets[0] != 0 || offsets[^1] != indices.Length || indices.Length != distances.Length)
            throw new ArgumentException("Radius result arrays disagree: offsets must start at 0 and end at the number of matches.");
        Radius = radius;
        Offsets = offsets;
        Indices = indices;
        Distances = distances;
    }

    public int Radius { get; }
    public int QueryCount => Offsets.Length - 1;
    public int[] Offsets { get; }
    public int[] Indices { get; }
    public int[] Distances { get; }

    public ReadOnlySpan<int> IndicesOf(int query) => Indices.AsSpan(Offsets[query], Offsets[query + 1] - Offsets[query]);

    public ReadOnlySpan<int> DistancesOf(int query) => Distances.AsSpan(Offsets[query], Offsets[query + 1] - Offsets[query]);
}
