using Doc2Hash.Data.Formats;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Data.Formats;

public class MatFileErrorTests
{
    [Fact]
    [BadInput(".mat", "a big-endian MAT-file", "MatFormatException: ..., at byte 126: this is a big-endian MAT-file ... re-save it")]
    public void A_big_endian_file_is_rejected_with_the_reason()
    {
        using var folder = new TemporaryDirectory();
        // Bytes 126-127 hold the endian indicator: "MI" on disk means the writer was big-endian.
        string path = MatFixtures.EditedCopy(folder, "dense_uncompressed.mat", bytes => { bytes[126] = (byte)'M'; bytes[127] = (byte)'I'; return bytes; });

        var error = Assert.Throws<MatFormatException>(() => MatFile.Read(path));

        Assert.Contains("big-endian", error.Message);
        Assert.Contains(path, error.Message);
        Assert.Contains("byte 126", error.Message);
    }

    [Fact]
    [BadInput(".mat", "a file shorter than the 128-byte header", "MatFormatException: the file has N bytes, less than the 128-byte MATLAB v5 header")]
    public void A_file_shorter_than_the_header_is_rejected()
    {
        using var folder = new TemporaryDirectory();
        string path = MatFixtures.EditedCopy(folder, "dense_uncompressed.mat", bytes => bytes[..100]);

        var error = Assert.Throws<MatFormatException>(() => MatFile.Read(path));

        Assert.Contains("128-byte", error.Message);
    }

    [Fact]
    [BadInput(".mat", "an uncompressed file cut inside a data element", "MatFormatException naming the file, at byte 128: truncated")]
    public void A_truncated_uncompressed_file_names_the_variable_and_offset()
    {
        using var folder = new TemporaryDirectory();
        // sparse_uncompressed.mat: the first miMATRIX ("m") starts at byte 128 and declares 136 data bytes; cutting
        // the file at byte 200 leaves its tag readable but its data short: 200 - 136 = 64 bytes remain.
        string path = MatFixtures.EditedCopy(folder, "sparse_uncompressed.mat", bytes => bytes[..200]);

        var error = Assert.Throws<MatFormatException>(() => MatFile.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("at byte 128", error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    [BadInput(".mat", "a sparse array whose values (pr) are missing", "MatFormatException naming variable 'm' and the values (pr)")]
    public void A_truncated_array_inside_an_element_names_the_variable()
    {
        using var folder = new TemporaryDirectory();
        // Shrink the declared size of "m" (bytes 132-135) from 136 to 96 bytes, so its data ends at 136 + 96 = 232:
        // flags (16 bytes at 136), dimensions (16 at 152), name (8 at 168), ir (24 at 176) and jc (32 at 200) fit,
        // and pr, whose tag was at 232, is missing.
        string path = MatFixtures.EditedCopy(folder, "sparse_uncompressed.mat", bytes => { bytes[132] = 96; return bytes; });

        var error = Assert.Throws<MatFormatException>(() => MatFile.Read(path));

        Assert.Equal("m", error.VariableName);
        Assert.Contains("variable 'm'", error.Message);
        Assert.Contains("values (pr)", error.Message);
    }

    [Fact]
    [BadInput(".mat", "a compressed file cut short", "MatFormatException naming the file: truncated")]
    public void A_truncated_compressed_file_is_reported_with_the_file_name()
    {
        using var folder = new TemporaryDirectory();
        string path = MatFixtures.EditedCopy(folder, "sparse_compressed.mat", bytes => bytes[..(bytes.Length - 20)]);

        var error = Assert.Throws<MatFormatException>(() => MatFile.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("truncated", error.Message);
    }

    [Fact]
    [BadInput(".mat", "corrupt zlib data in a compressed element", "MatFormatException: at byte 128: the zlib data of a compressed element is corrupt")]
    public void Corrupt_zlib_data_is_reported_with_the_compressed_element_offset()
    {
        using var folder = new TemporaryDirectory();
        // The first compressed element's tag is at byte 128; its zlib stream starts at 136 (2-byte zlib header).
        // Overwriting the deflate data right after the zlib header breaks the stream.
        string path = MatFixtures.EditedCopy(folder, "sparse_compressed.mat", bytes =>
        {
            for (int i = 138; i < 150; i++) bytes[i] = 0xFF;
            return bytes;
        });

        var error = Assert.Throws<MatFormatException>(() => MatFile.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("at byte 128: the zlib data of a compressed element is corrupt", error.Message);
    }

    [Fact]
    [BadInput(".mat", "a zlib stream cut inside a consistent element", "MatFormatException naming the compressed element")]
    public void A_cut_zlib_stream_inside_a_consistent_element_is_reported()
    {
        using var folder = new TemporaryDirectory();
        // Keep the header and the first 40 bytes of the first compressed element's zlib data (it has 71), and make
        // its tag declare exactly those 40 bytes: the element is whole, the stream inside it is not.
        string path = MatFixtures.EditedCopy(folder, "sparse_compressed.mat", bytes =>
        {
            var cut = bytes[..(136 + 40)];
            cut[132] = 40;
            return cut;
        });

        var error = Assert.Throws<MatFormatException>(() => MatFile.Read(path));

        Assert.Contains(path, error.Message);
        Assert.Contains("compressed element", error.Message);
    }

    [Fact]
    [BadInput(".mat", "a .mat path that does not exist", "FileNotFoundException naming the path")]
    public void A_missing_file_is_reported_with_its_path()
    {
        using var folder = new TemporaryDirectory();

        var error = Assert.Throws<FileNotFoundException>(() => MatFile.Read(folder.File("ng20.tfidf.mat")));

        Assert.Contains("ng20.tfidf.mat", error.Message);
    }

    [Fact]
    [BadInput(".mat", "a text file named .mat", "MatFormatException: no MATLAB v5 endian indicator")]
    public void A_text_file_is_not_taken_for_a_mat_file()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("notes.mat");
        File.WriteAllText(path, new string('x', 200));

        var error = Assert.Throws<MatFormatException>(() => MatFile.Read(path));

        Assert.Contains("endian indicator", error.Message);
    }
}
