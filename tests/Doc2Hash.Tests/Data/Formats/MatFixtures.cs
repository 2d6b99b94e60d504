namespace Doc2Hash.Tests.Data.Formats;

/// <summary>
/// The tiny .mat files made once by Fixtures/mat/make_fixtures.py with SciPy 1.10.1 (scipy.io.savemat); the values
/// the tests expect are written out by hand in that script.
/// </summary>
internal static class MatFixtures
{
    public static string Path(string name) => System.IO.Path.Combine(AppContext.BaseDirectory, "Fixtures", "mat", name);

    /// <summary>A copy of a fixture in <paramref name="folder"/> with the bytes changed by <paramref name="edit"/>.</summary>
    public static string EditedCopy(TemporaryDirectory folder, string name, Func<byte[], byte[]> edit)
    {
        string copy = folder.File(name);
        File.WriteAllBytes(copy, edit(File.ReadAllBytes(Path(name))));
        return copy;
    }
}
