using System.Text;
using Doc2Hash.Data.Formats;
using Doc2Hash.IO;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Data.Formats;

/// <summary>.npy headers whose sizes do not fit the file are typed data errors quoting the numbers, never overflows.</summary>
public class NpyArrayTests
{
    /// <summary>A version 1.0 file with the given header dictionary (padded as numpy pads it) and data bytes.</summary>
    private static string Write(TemporaryDirectory folder, string dict, byte[] data, byte major = 1)
    {
        var text = dict + new string(' ', (64 - (10 + dict.Length + 1) % 64) % 64) + "\n";
        var bytes = new List<byte>(NpyFormat.Magic) { major, 0 };
        if (major == 1) bytes.AddRange(BitConverter.GetBytes((ushort)text.Length));
        else bytes.AddRange(BitConverter.GetBytes((uint)text.Length));
        bytes.AddRange(Encoding.ASCII.GetBytes(text));
        bytes.AddRange(data);
        string path = folder.File("a.npy");
        File.WriteAllBytes(path, bytes.ToArray());
        return path;
    }

    [Fact]
    public void A_well_formed_file_reads_back_its_shape_and_data()
    {
        using var folder = new TemporaryDirectory();
        string path = Write(folder, "{'descr': '|u1', 'fortran_order': False, 'shape': (2, 3), }", [1, 2, 3, 4, 5, 6]);
        var array = NpyArray.Read(path);
        Assert.Equal([2, 3], array.Shape);
        Assert.Equal([1, 2, 3, 4, 5, 6], array.Data);
    }

    [Fact]
    [BadInput(".npy", "a header with a huge shape (99999999999, 4)", "DataFormatException: the .npy shape (99999999999, 4) has a dimension of 99999999999, more than the 2147483591 elements a .NET array can hold (was an unhandled OverflowException)")]
    public void A_huge_dimension_is_a_data_error_with_the_number()
    {
        using var folder = new TemporaryDirectory();
        string path = Write(folder, "{'descr': '|u1', 'fortran_order': False, 'shape': (99999999999, 4), }", [1, 2, 3, 4]);
        var error = Assert.Throws<DataFormatException>(() => NpyArray.Read(path));
        Assert.Contains("has a dimension of 99999999999", error.Message);
    }

    [Fact]
    [BadInput(".npy", "a shape whose product overflows 32 bits (65536, 65536) of '<f4' (the issue's \"-2147483648 data bytes\")", "DataFormatException: shape (65536, 65536) of <f4 needs 17179869184 data bytes, but the file holds 8 ...")]
    public void A_shape_whose_byte_count_overflows_32_bits_is_computed_exactly()
    {
        using var folder = new TemporaryDirectory();
        string path = Write(folder, "{'descr': '<f4', 'fortran_order': False, 'shape': (65536, 65536), }", new byte[8]);
        var error = Assert.Throws<DataFormatException>(() => NpyArray.Read(path));
        Assert.Contains("shape (65536, 65536) of <f4 needs 17179869184 data bytes, but the file holds 8", error.Message);
    }

    [Fact]
    [BadInput("packed codes .npy", "huge shape read as packed codes (PackedCodesNpy.Read)", "DataFormatException from the header check, before any size arithmetic")]
    public void Packed_codes_with_a_huge_shape_fail_cleanly()
    {
        using var folder = new TemporaryDirectory();
        string path = Write(folder, "{'descr': '|u1', 'fortran_order': False, 'shape': (2147483647, 4), }", new byte[8]);
        Assert.Throws<DataFormatException>(() => PackedCodesNpy.Read(path, 32));
    }

    [Theory]
    [InlineData("{'descr': '|u1', 'fortran_order': False, 'shape': (-3, 2), }", "is not a size")]
    [InlineData("{'descr': '|u1', 'fortran_order': False, 'shape': (3x, 2), }", "is not a size")]
    [InlineData("{'descr': [('a', '<i4')], 'fortran_order': False, 'shape': (1,), }", "lacks descr")]
    [InlineData("{'descr': '<U5', 'fortran_order': False, 'shape': (1,), }", "is not a plain numeric type")]
    [InlineData("{'descr': '|u1', 'shape': (1,), }", "lacks descr, fortran_order or shape")]
    [BadInput(".npy", "a negative dimension in the shape", "DataFormatException: the .npy shape (-3, 2) holds '-3' at position 0, which is not a size")]
    [BadInput(".npy", "a non-numeric dimension in the shape", "DataFormatException: ... holds '3x' at position 0, which is not a size")]
    [BadInput(".npy", "a structured dtype (a list of fields)", "DataFormatException: the .npy header ... lacks descr, fortran_order or shape")]
    [BadInput(".npy", "a unicode-string dtype '<U5'", "DataFormatException: dtype '<U5' is not a plain numeric type")]
    [BadInput(".npy", "a header without fortran_order", "DataFormatException: the .npy header ... lacks descr, fortran_order or shape")]
    public void Unusable_headers_say_what_is_wrong(string dict, string expected)
    {
        using var folder = new TemporaryDirectory();
        string path = Write(folder, dict, new byte[6]);
        Assert.Contains(expected, Assert.Throws<DataFormatException>(() => NpyArray.Read(path)).Message);
    }

    [Fact]
    [BadInput(".npy", "a version 2.0 header length of 0xFFFFFFFF", "DataFormatException: the .npy header claims 4294967295 bytes but only N follow the preamble")]
    public void A_header_length_beyond_the_file_is_reported_with_both_numbers()
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("b.npy");
        File.WriteAllBytes(path, [.. NpyFormat.Magic, 2, 0, 0xFF, 0xFF, 0xFF, 0xFF, (byte)'{', (byte)'}']);
        var error = Assert.Throws<DataFormatException>(() => NpyArray.Read(path));
        Assert.Contains("claims 4294967295 bytes but only 2 follow the preamble", error.Message);
    }

    [Theory]
    [InlineData(9)]
    [InlineData(0)]
    [BadInput(".npy", "format version 9 (or 0)", "DataFormatException: .npy format version 9.0 is not supported (1.0, 2.0 and 3.0 are)")]
    public void Unknown_versions_are_named(byte major)
    {
        using var folder = new TemporaryDirectory();
        string path = folder.File("v.npy");
        File.WriteAllBytes(path, [.. NpyFormat.Magic, major, 0, 0, 0]);
        Assert.Contains($"format version {major}.0 is not supported", Assert.Throws<DataFormatException>(() => NpyArray.Read(path)).Message);
    }

    [Fact]
    [BadInput("packed codes .npy", "a bit count of 0 asked for", "ArgumentOutOfRangeException: A code has 1 to 16777216 bits")]
    public void A_bit_count_out_of_range_is_an_argument_error()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => PackedCodesNpy.Read("unused.npy", 0));
    }
}
