using Doc2Hash.IO;
using System.Text;
using Doc2Hash.Data.Formats;
using Doc2Hash.Retrieval;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Data.Formats;

public class PackedCodesNpyTests
{
    private static string NpyFixture(string name) => Path.Combine(AppContext.BaseDirectory, "Fixtures", "npy", name);

    /// <summary>The rule of Fixtures/npy/make_fixtures.py: bit b of code i is set when (7b + 3i) % 5 == 0.</summary>
    private static BinaryCodes RuleCodes(int count, int bits)
    {
        var rows = new byte[count * bits];
        for (int i = 0; i < count; i++)
            for (int b = 0; b < bits; b++)
                rows[i * bits + b] = (7 * b + 3 * i) % 5 == 0 ? (byte)1 : (byte)0;
        return BinaryCodes.FromBits(count, bits, rows);
    }

    [Fact]
    public void The_header_is_numpy_version_1_0_padded_to_a_64_byte_data_offset()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("codes.npy");

        NpyWriter.WriteUInt8(path, [3, 2], new byte[6]);

        // The dict is 59 characters; 10 + 59 + 1 ('\n') = 70, so 58 spaces pad the data offset to 128 and the
        // header length field holds 128 - 10 = 118.
        const string dict = "{'descr': '|u1', 'fortran_order': False, 'shape': (3, 2), }";
        var bytes = File.ReadAllBytes(path);
        Assert.Equal(new byte[] { 0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y', 1, 0, 118, 0 }, bytes[..10]);
        Assert.Equal(dict + new string(' ', 58) + "\n", Encoding.ASCII.GetString(bytes, 10, 118));
        Assert.Equal(128 + 6, bytes.Length);
    }

    [Fact]
    public void A_one_dimensional_shape_is_written_as_a_one_element_tuple()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("vector.npy");

        NpyWriter.WriteFloat32(path, [2], [1.5f, -1f]);

        var array = NpyArray.Read(path);
        Assert.Equal("<f4", array.Descr);
        Assert.Equal([2], array.Shape);
        Assert.Contains("'shape': (2,), }", Encoding.ASCII.GetString(File.ReadAllBytes(path), 10, 118));
        Assert.Equal(BitConverter.GetBytes(1.5f).Concat(BitConverter.GetBytes(-1f)), array.Data);
    }

    [Fact]
    public void Bit_zero_becomes_the_most_significant_bit_of_byte_zero()
    {
        // 16 bits with bits 0, 9 and 15 set: byte 0 = 1000_0000 = 0x80; byte 1 holds bits 8..15 from the top,
        // so bit 9 -> 0100_0000 and bit 15 -> 0000_0001, together 0x41.
        var codes = BinaryCodes.FromBits(1, 16, [1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 0, 0, 0, 0, 0, 1]);

        Assert.Equal(new byte[] { 0x80, 0x41 }, PackedCodesNpy.Pack(codes));
    }

    [Fact]
    public void Bits_beyond_the_first_64_bit_word_land_in_byte_eight()
    {
        // 72 bits with bits 63, 64 and 71 set: bit 63 is the last bit of byte 7 (0x01); bits 64 and 71 are the first
        // and last bits of byte 8 (0x80 | 0x01 = 0x81). In BinaryCodes they are bit 63 of word 0 and bits 0, 7 of word 1.
        var codes = new BinaryCodes(1, 72, [1UL << 63, 1UL | 1UL << 7]);

        Assert.Equal(new byte[] { 0, 0, 0, 0, 0, 0, 0, 0x01, 0x81 }, PackedCodesNpy.Pack(codes));
    }

    [Theory]
    [InlineData(3, 16)]
    [InlineData(2, 72)]
    [InlineData(2, 12)]
    public void Written_files_equal_numpy_packbits_output_byte_for_byte(int count, int bits)
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("codes.npy");

        PackedCodesNpy.Write(path, RuleCodes(count, bits));

        Assert.Equal(File.ReadAllBytes(NpyFixture($"codes_{count}x{bits}.npy")), File.ReadAllBytes(path));
    }

    [Theory]
    [InlineData(3, 16)]
    [InlineData(2, 72)]
    [InlineData(2, 12)]
    public void Reading_numpy_packed_codes_restores_the_bits(int count, int bits)
    {
        var codes = PackedCodesNpy.Read(NpyFixture($"codes_{count}x{bits}.npy"), bits);

        Assert.Equal(RuleCodes(count, bits).Words, codes.Words);
    }

    [Fact]
    [BadInput("packed codes .npy", "72-bit codes read as 70-bit codes", "DataFormatException: code 0 has ones beyond bit 70")]
    public void Reading_with_too_few_bits_is_refused_when_the_padding_holds_ones()
    {
        // codes_2x72.npy, code 0: bit 70 is set ((7 * 70) % 5 == 0), so the file cannot hold 70-bit codes.
        var error = Assert.Throws<DataFormatException>(() => PackedCodesNpy.Read(NpyFixture("codes_2x72.npy"), 70));

        Assert.Contains("beyond bit 70", error.Message);
    }

    [Fact]
    [BadInput("packed codes .npy", "16-bit codes read as 32-bit codes", "DataFormatException: ... need uint8 of shape (n, 4)")]
    public void Reading_with_a_bit_count_of_another_width_is_refused()
    {
        var error = Assert.Throws<DataFormatException>(() => PackedCodesNpy.Read(NpyFixture("codes_3x16.npy"), 32));

        Assert.Contains("shape (n, 4)", error.Message);
    }

    [Fact]
    [BadInput("packed codes .npy", "writing codes over an existing file without overwrite", "IOException; the old file is kept")]
    public void An_existing_file_is_not_overwritten_unless_asked()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("codes.npy");
        PackedCodesNpy.Write(path, RuleCodes(3, 16));

        Assert.Throws<IOException>(() => PackedCodesNpy.Write(path, RuleCodes(2, 72)));
        PackedCodesNpy.Write(path, RuleCodes(2, 72), overwrite: true);

        Assert.Equal(RuleCodes(2, 72).Words, PackedCodesNpy.Read(path, 72).Words);
        Assert.Equal(["codes.npy"], folder.FileNames());
    }

    [Fact]
    [BadInput("packed codes .npy", "writing train/validation/test codes when one of the three files already exists (the issue's mixed encode)", "IOException naming the existing file; none of the three is written")]
    public void A_set_of_code_files_is_written_all_or_nothing()
    {
        using var folder = new TemporaryDirectory();
        var paths = new[] { "codes.train.npy", "codes.validation.npy", "codes.test.npy" }.Select(folder.File).ToArray();
        File.WriteAllText(paths[1], "old validation codes");
        var files = paths.Select((p, i) => (p, RuleCodes(2 + i, 16))).ToList();

        var error = Assert.Throws<IOException>(() => PackedCodesNpy.WriteAll(files));

        Assert.Contains(paths[1], error.Message);
        Assert.Equal(["codes.validation.npy"], folder.FileNames());
        PackedCodesNpy.WriteAll(files, overwrite: true);
        for (int i = 0; i < 3; i++) Assert.Equal(RuleCodes(2 + i, 16).Words, PackedCodesNpy.Read(paths[i], 16).Words);
    }
}
