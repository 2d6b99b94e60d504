using Doc2Hash.Data.Formats;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Data.Formats;

public class MatFileReadTests
{
    [Theory]
    [InlineData("dense_uncompressed.mat")]
    [InlineData("dense_compressed.mat")]
    public void Reads_dense_doubles_in_column_major_order(string fixture)
    {
        var file = MatFile.Read(MatFixtures.Path(fixture));

        // make_fixtures.py: a = [[1, 2, 3], [4, 5, 6]], b = 7.5 (a 1 x 1 array).
        var a = Assert.IsType<MatDenseArray>(file["a"]);
        Assert.Equal([2, 3], a.Dimensions);
        Assert.Equal(MatArrayClass.Double, a.Class);
        Assert.Equal([1.0, 4.0, 2.0, 5.0, 3.0, 6.0], a.Data);
        Assert.Equal(6.0, a[1, 2]);
        var b = Assert.IsType<MatDenseArray>(file["b"]);
        Assert.Equal([7.5], b.Data);
    }

    [Theory]
    [InlineData("dense_uncompressed.mat")]
    [InlineData("dense_compressed.mat")]
    public void Reads_integer_single_and_logical_classes_as_exact_doubles(string fixture)
    {
        var file = MatFile.Read(MatFixtures.Path(fixture));

        // make_fixtures.py: c = int32 [-1, 0, 70000]; s = single [0.5, -2.25, 8]; u = uint8 [1, 255] (2 bytes, so
        // SciPy packs it as a small data element); flag = logical [[1, 0], [0, 1]] stored as uint8 with the flag.
        var c = Assert.IsType<MatDenseArray>(file["c"]);
        Assert.Equal(MatArrayClass.Int32, c.Class);
        Assert.Equal([-1.0, 0.0, 70000.0], c.Data);
        var s = Assert.IsType<MatDenseArray>(file["s"]);
        Assert.Equal(MatArrayClass.Single, s.Class);
        Assert.Equal([0.5, -2.25, 8.0], s.Data);
        var u = Assert.IsType<MatDenseArray>(file["u"]);
        Assert.Equal([1.0, 255.0], u.Data);
        var flag = Assert.IsType<MatDenseArray>(file["flag"]);
        Assert.True(flag.IsLogical);
        Assert.Equal([1.0, 0.0, 0.0, 1.0], flag.Data);
        Assert.False(c.IsLogical);
    }

    [Theory]
    [InlineData("dense_uncompressed.mat")]
    [InlineData("dense_compressed.mat")]
    public void Skips_char_arrays_and_lists_them(string fixture)
    {
        var file = MatFile.Read(MatFixtures.Path(fixture));

        Assert.Equal(["note"], file.SkippedVariables);
        Assert.Equal(["a", "b", "c", "s", "u", "flag"], file.Variables.Select(v => v.Name));
        Assert.StartsWith("MATLAB 5.0 MAT-file", file.Description);
    }

    [Theory]
    [InlineData("sparse_uncompressed.mat")]
    [InlineData("sparse_compressed.mat")]
    public void Reads_a_sparse_matrix_and_converts_column_storage_to_csr_rows(string fixture)
    {
        var file = MatFile.Read(MatFixtures.Path(fixture));

        // make_fixtures.py: m is 3 x 4 with (0,1)=1.5, (0,3)=-2, (2,0)=4, (2,1)=0.25. In MATLAB's column order the
        // stored values are 4, 1.5, 0.25, -2 with ir = [2, 0, 2, 0] and jc = [0, 1, 3, 3, 4].
        var m = Assert.IsType<MatSparseArray>(file["m"]);
        Assert.Equal([2, 0, 2, 0], m.RowIndices);
        Assert.Equal([0, 1, 3, 3, 4], m.ColumnPointers);
        var csr = m.ToCsr();
        Assert.Equal((3, 4), (csr.Rows, csr.Columns));
        Assert.Equal([0, 2, 2, 4], csr.RowPointers);
        Assert.Equal([1, 3, 0, 1], csr.ColumnIndices);
        Assert.Equal([1.5f, -2f, 4f, 0.25f], csr.Values);
    }

    [Theory]
    [InlineData("sparse_uncompressed.mat")]
    [InlineData("sparse_compressed.mat")]
    public void Reads_an_all_zero_sparse_matrix(string fixture)
    {
        var empty = Assert.IsType<MatSparseArray>(MatFile.Read(MatFixtures.Path(fixture))["empty"]);

        Assert.Equal((2, 2, 0), (empty.Rows, empty.Columns, empty.NonZeros));
        Assert.Equal(0, empty.ToCsr().NonZeros);
    }

    [Fact]
    public void Unknown_top_level_elements_are_skipped_by_their_size()
    {
        using var folder = new TemporaryDirectory();
        // Insert an element of made-up type 99 with 8 data bytes right after the 128-byte header.
        byte[] unknown = [99, 0, 0, 0, 8, 0, 0, 0, 1, 2, 3, 4, 5, 6, 7, 8];
        string path = MatFixtures.EditedCopy(folder, "sparse_uncompressed.mat", bytes => [.. bytes[..128], .. unknown, .. bytes[128..]]);

        var file = MatFile.Read(path);

        Assert.Equal(["m", "empty"], file.Variables.Select(v => v.Name));
    }

    [Fact]
    public void Doubles_stored_in_a_smaller_integer_type_are_widened()
    {
        using var folder = new TemporaryDirectory();
        // MATLAB may store a double array's values in the smallest type that holds them exactly (0/1 label rows as
        // miUINT8). A hand-made miMATRIX "g": class double (6), dimensions 2 x 2, data [1, 0, 0, 1] as a small
        // miUINT8 element (type 2, 4 bytes). 16 + 16 + 8 + 8 = 48 data bytes.
        byte[] element =
        [
            14, 0, 0, 0, 48, 0, 0, 0,
            6, 0, 0, 0, 8, 0, 0, 0, 6, 0, 0, 0, 0, 0, 0, 0,
            5, 0, 0, 0, 8, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0,
            1, 0, 1, 0, (byte)'g', 0, 0, 0,
            2, 0, 4, 0, 1, 0, 0, 1,
        ];
        string path = MatFixtures.EditedCopy(folder, "sparse_uncompressed.mat", bytes => [.. bytes[..128], .. element]);

        var g = Assert.IsType<MatDenseArray>(MatFile.Read(path)["g"]);

        Assert.Equal(MatArrayClass.Double, g.Class);
        Assert.Equal([1.0, 0.0, 0.0, 1.0], g.Data);
    }

    [Fact]
    public void Sparse_values_stored_as_bytes_are_widened()
    {
        using var folder = new TemporaryDirectory();
        // A hand-made sparse 2 x 2 "s" with (0,0) = 1 and (1,1) = 3: ir = [0, 1] (miINT32), jc = [0, 1, 2] (miINT32,
        // 12 bytes padded to 16) and pr = [1, 3] as a small miUINT8 element. 16 + 16 + 8 + 16 + 24 + 8 = 88 bytes.
        byte[] element =
        [
            14, 0, 0, 0, 88, 0, 0, 0,
            6, 0, 0, 0, 8, 0, 0, 0, 5, 0, 0, 0, 2, 0, 0, 0,
            5, 0, 0, 0, 8, 0, 0, 0, 2, 0, 0, 0, 2, 0, 0, 0,
            1, 0, 1, 0, (byte)'s', 0, 0, 0,
            5, 0, 0, 0, 8, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0,
            5, 0, 0, 0, 12, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 2, 0, 0, 0, 0, 0, 0, 0,
            2, 0, 2, 0, 1, 3, 0, 0,
        ];
        string path = MatFixtures.EditedCopy(folder, "sparse_uncompressed.mat", bytes => [.. bytes[..128], .. element]);

        var s = Assert.IsType<MatSparseArray>(MatFile.Read(path)["s"]);

        Assert.Equal(new float[,] { { 1, 0 }, { 0, 3 } }, s.ToCsr().ToDense());
    }

    [Fact]
    [BadInput(".mat", "asking a MatFile for a variable it lacks", "KeyNotFoundException listing the variables present")]
    public void Asking_for_a_missing_variable_lists_the_ones_present()
    {
        var file = MatFile.Read(MatFixtures.Path("sparse_compressed.mat"));

        var error = Assert.Throws<KeyNotFoundException>(() => file["train"]);
        Assert.Contains("'train'", error.Message);
        Assert.Contains("empty, m", error.Message);
    }
}
