using Doc2Hash.Data.Formats;
using Doc2Hash.Text;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Data.Formats;

public class MatFileWriteTests
{
    [Fact]
    public void Uncompressed_output_matches_scipy_byte_for_byte_after_the_header()
    {
        using var folder = new TemporaryDirectory();
        var scipyFile = MatFile.Read(MatFixtures.Path("sparse_uncompressed.mat"));
        string path = folder.File("rewritten.mat");

        MatFile.Write(path, scipyFile.Variables, compress: false);

        // The 128-byte header differs only in its text (creation time); every element must be identical to what
        // scipy.io.savemat wrote: flags, dimensions, small-element names, ir/jc/pr, nzmax 1 for the empty matrix.
        var expected = File.ReadAllBytes(MatFixtures.Path("sparse_uncompressed.mat"));
        var actual = File.ReadAllBytes(path);
        Assert.Equal(expected[116..], actual[116..]);
    }

    [Fact]
    public void Short_names_use_the_small_element_form()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("x.mat");

        MatFile.Write(path, [MatDenseArray.FromRows("x", new double[,] { { 2.0 } })], compress: false);

        // After the 8-byte miMATRIX tag, the 16-byte flags and the 16-byte dimensions comes the name: type miINT8 (1)
        // in the low half and length 1 in the high half of one word, then 'x' padded to 4 bytes.
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 1, 0, 1, 0, (byte)'x', 0, 0, 0 }, bytes[(128 + 8 + 32)..(128 + 8 + 40)]);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Written_sparse_and_dense_doubles_read_back_identically(bool compress)
    {
        using var folder = new TemporaryDirectory();
        var sparse = MatSparseArray.FromCsr("docs", SparseMatrix.FromDense(new float[,] { { 0, 0.1f, 0 }, { 0.3f, 0, 0.7f } }));
        var dense = MatDenseArray.FromRows("labels", new double[,] { { 1, 0 }, { 0.5, -3 } });
        string path = folder.File("both.mat");

        MatFile.Write(path, [sparse, dense], compress);
        var file = MatFile.Read(path);

        var readSparse = Assert.IsType<MatSparseArray>(file["docs"]);
        Assert.Equal(sparse.ColumnPointers, readSparse.ColumnPointers);
        Assert.Equal(sparse.RowIndices, readSparse.RowIndices);
        Assert.Equal(sparse.Values, readSparse.Values);
        Assert.Equal(new float[,] { { 0, 0.1f, 0 }, { 0.3f, 0, 0.7f } }, readSparse.ToCsr().ToDense());
        Assert.Equal(dense.Data, Assert.IsType<MatDenseArray>(file["labels"]).Data);
    }

    [Fact]
    [BadInput(".mat writer", "writing over an existing .mat without overwrite", "IOException; the old file is kept")]
    public void An_existing_file_is_not_overwritten_unless_asked()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("x.mat");
        File.WriteAllText(path, "keep me");
        MatVariable[] variables = [MatDenseArray.FromRows("x", new double[,] { { 1 } })];

        Assert.Throws<IOException>(() => MatFile.Write(path, variables));
        Assert.Equal("keep me", File.ReadAllText(path));

        MatFile.Write(path, variables, overwrite: true);
        Assert.Equal([1.0], Assert.IsType<MatDenseArray>(MatFile.Read(path)["x"]).Data);
    }

    [Fact]
    [BadInput(".mat writer", "an invalid variable name ('2bad')", "ArgumentException naming it; no file left behind")]
    public void A_failed_write_leaves_no_file_behind()
    {
        using var folder = new TemporaryDirectory();
        // The second variable has a name MATLAB cannot hold, so the writer throws half-way through.
        MatVariable[] variables = [MatDenseArray.FromRows("ok", new double[,] { { 1 } }), MatDenseArray.FromRows("2bad", new double[,] { { 1 } })];

        var error = Assert.Throws<ArgumentException>(() => MatFile.Write(folder.File("x.mat"), variables));

        Assert.Contains("'2bad'", error.Message);
        Assert.Empty(folder.FileNames());
    }

    [Fact]
    [BadInput(".mat writer", "an int32 array given to the writer", "NotSupportedException: ... Convert it to double")]
    public void Classes_the_writer_does_not_support_are_refused_with_the_fix()
    {
        using var folder = new TemporaryDirectory();
        var int32 = new MatDenseArray("c", [1, 2], [1.0, 2.0], MatArrayClass.Int32);

        var error = Assert.Throws<NotSupportedException>(() => MatFile.Write(folder.File("c.mat"), [int32]));

        Assert.Contains("Convert it to double", error.Message);
    }
}
