namespace Doc2Hash.Retrieval;

/// <summary>
/// Where the top-K list of one query ends. Ranking is by ascending Hamming distance, ties broken by ascending
/// database index, so the list holds every code strictly closer than <see cref="Distance"/> and then the first
/// <see cref="SlotsLeft"/> of the <see cref="Tied"/> codes at exactly that distance, in index order.
/// </summary>
/// <param name="K">Length of the list.</param>
/// <param name="Distance">Hamming distance of the K-th ranked code.</param>
/// <param name="StrictlyCloser">Database codes at a distance below <see cref="Distance"/> (all of them are in the list).</param>
/// <param name="Tied">Database codes at exactly <see cref="Distance"/>, in the list or not.</param>
public readonly record struct RankCutoff(int K, int Distance, int StrictlyCloser, int Tied)
{
    /// <summary>How many of the tied codes fit into the list: K - StrictlyCloser (between 1 and Tied).</summary>
    public int SlotsLeft => K - StrictlyCloser;
}
