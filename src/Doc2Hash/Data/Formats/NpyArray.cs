using System.Buffers.Binary;
using System.Globalization;
using System.Numerics;
using System.Text;
using System.Text.RegularExpressions;
using Doc2Hash.IO;

namespace Doc2Hash.Data.Formats;

/// <summary>A .npy array as stored: its dtype string, shape, order and raw data bytes.</summary>
public sealed record NpyArray(string Descr, bool FortranOrder, IReadOnlyList<int> Shape, byte[] Data)
{
    private static readonly Regex DescrPattern = new(@"'descr':\s*'([^']*)'", RegexOptions.CultureInvariant);
    private static readonly Regex OrderPattern = new(@"'fortran_order':\s*(True|False)", RegexOptions.CultureInvariant);
    private static readonly Regex ShapePattern = new(@"'shape':\s*\(([^)]*)\)", RegexOptions.CultureInvariant);
    // A plain dtype: byte order, kind letter, item size in bytes ('|u1', '<f4', '<i8').
    private static readonly Regex SimpleDescr = new(@"^[<>|=][biufc](\d{1,2})$", RegexOptions.CultureInvariant);

    /// <summary>
    /// Reads a version 1.0, 2.0 or 3.0 .npy file (2.0 and 3.0 have a 4-byte header length). Every size is checked in
    /// exact arithmetic against the file: a header whose shape, header length or dtype does not fit the bytes that
    /// follow is a <see cref="DataFormatException"/> quoting the numbers, never an overflow.
    /// </summary>
    public static NpyArray Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < NpyFormat.PreambleLength || !bytes.AsSpan(0, NpyFormat.Magic.Length).SequenceEqual(NpyFormat.Magic))
            throw new DataFormatException($"'{path}' is not a NumPy .npy file (no \\x93NUMPY magic at byte 0).");
        int major = bytes[6];
        if (major is < 1 or > 3)
            throw new DataFormatException($"'{path}': .npy format version {major}.{bytes[7]} is not supported (1.0, 2.0 and 3.0 are).");
        int lengthBytes = major == 1 ? 2 : 4;
        if (bytes.Length < 8 + lengthBytes)
            throw new DataFormatException($"'{path}': the file ends inside the .npy preamble ({bytes.Length} bytes); it is truncated.");
        long headerLength = major == 1 ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8)) : BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        long dataOffset = 8 + lengthBytes + headerLength;
        if (dataOffset > bytes.Length)
            throw new DataFormatException($"'{path}': the .npy header claims {headerLength} bytes but only {bytes.Length - 8 - lengthBytes} follow the preamble; the file is truncated or the header length is corrupt.");
        string header = Encoding.Latin1.GetString(bytes, 8 + lengthBytes, (int)headerLength);
        var descr = DescrPattern.Match(header);
        var order = OrderPattern.Match(header);
        var shape = ShapePattern.Match(header);
        if (!descr.Success || !order.Success || !shape.Success)
            throw new DataFormatException($"'{path}': the .npy header \"{Shorten(header.Trim())}\" lacks descr, fortran_order or shape.");
        var sizes = ParseShape(shape.Groups[1].Value, path);
        int itemSize = ItemSize(descr.Groups[1].Value, path);
        CheckDataLength(path, sizes, descr.Groups[1].Value, itemSize, bytes.Length - dataOffset);
        return new NpyArray(descr.Groups[1].Value, order.Groups[1].Value == "True", sizes, bytes[(int)dataOffset..]);
    }

    /// <summary>The sizes of a shape tuple; each must be a whole number no larger than the largest .NET array.</summary>
    private static int[] ParseShape(string tuple, string path)
    {
        var entries = tuple.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        var sizes = new int[entries.Length];
        for (int i = 0; i < entries.Length; i++)
        {
            if (!BigInteger.TryParse(entries[i], NumberStyles.None, CultureInfo.InvariantCulture, out var size))
                throw new DataFormatException($"'{path}': the .npy shape ({Shorten(tuple)}) holds '{Shorten(entries[i])}' at position {i}, which is not a size.");
            if (size > Array.MaxLength)
                throw new DataFormatException($"'{path}': the .npy shape ({Shorten(tuple)}) has a dimension of {size}, more than the {Array.MaxLength} elements a .NET array can hold; the header is corrupt or the array is too large for this reader.");
            sizes[i] = (int)size;
        }
        return sizes;
    }

    private static int ItemSize(string descr, string path)
    {
        var match = SimpleDescr.Match(descr);
        if (!match.Success)
            throw new DataFormatException($"'{path}': dtype '{Shorten(descr)}' is not a plain numeric type (such as '|u1' or '<f4'); this reader does not support it.");
        int size = int.Parse(match.Groups[1].Value, CultureInfo.InvariantCulture);
        return size > 0 ? size : throw new DataFormatException($"'{path}': dtype '{descr}' has an item size of 0 bytes.");
    }

    /// <summary>The product of the shape times the item size, in exact arithmetic, must equal the bytes after the header.</summary>
    private static void CheckDataLength(string path, int[] sizes, string descr, int itemSize, long actual)
    {
        BigInteger expected = itemSize;
        foreach (int size in sizes) expected *= size;
        if (expected != actual)
            throw new DataFormatException(
                $"'{path}': shape ({string.Join(", ", sizes)}) of {descr} needs {expected} data bytes, but the file holds {actual} after its header; " +
                "the file is truncated or its header was changed.");
    }

    private static string Shorten(string text) => text.Length <= 80 ? text : text[..80] + "...";
}
