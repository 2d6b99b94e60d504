namespace Doc2Hash.Data.Readers;

/// <summary>
/// Which parts of a Usenet post to remove, as scikit-learn's <c>fetch_20newsgroups(remove=...)</c> does.
/// The Doc2hash/VDSH preprocessing removes all three.
/// </summary>
public sealed record NewsgroupsCleaning(bool Headers, bool Footers, bool Quotes)
{
    public static NewsgroupsCleaning All { get; } = new(true, true, true);
    public static NewsgroupsCleaning None { get; } = new(false, false, false);
}
