using System.Buffers.Binary;
using System.Text;
using System.Text.RegularExpressions;

namespace Doc2Hash.Data.Formats;

/// <summary>A .npy array as stored: its dtype string, shape, order and raw data bytes.</summary>
public sealed record NpyArray(string Descr, bool FortranOrder, IReadOnlyList<int> Shape, byte[] Data)
{
    private static readonly Regex DescrPattern = new(@"'descr':\s*'([^']*)'", RegexOptions.CultureInvariant);
    private static readonly Regex OrderPattern = new(@"'fortran_order':\s*(True|False)", RegexOptions.CultureInvariant);
    private static readonly Regex ShapePattern = new(@"'shape':\s*\(([^)]*)\)", RegexOptions.CultureInvariant);

    /// <summary>Reads a version 1.0, 2.0 or 3.0 .npy file (2.0 and 3.0 have a 4-byte header length).</summary>
    public static NpyArray Read(string path)
    {
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < NpyFormat.PreambleLength || !bytes.AsSpan(0, NpyFormat.Magic.Length).SequenceEqual(NpyFormat.Magic))
            throw new InvalidDataException($"'{path}' is not a NumPy .npy file (no \\x93NUMPY magic at byte 0).");
        int major = bytes[6];
        int lengthBytes = major == 1 ? 2 : 4;
        int headerLength = major == 1
            ? BinaryPrimitives.ReadUInt16LittleEndian(bytes.AsSpan(8))
            : (int)BinaryPrimitives.ReadUInt32LittleEndian(bytes.AsSpan(8));
        int dataOffset = 8 + lengthBytes + headerLength;
        if (major is < 1 or > 3 || dataOffset > bytes.Length)
            throw new InvalidDataException($"'{path}': unsupported .npy version {major} or a header longer than the file ({dataOffset} > {bytes.Length} bytes).");
        string header = Encoding.Latin1.GetString(bytes, 8 + lengthBytes, headerLength);
        var descr = DescrPattern.Match(header);
        var order = OrderPattern.Match(header);
        var shape = ShapePattern.Match(header);
        if (!descr.Success || !order.Success || !shape.Success)
            throw new InvalidDataException($"'{path}': the .npy header \"{header.Trim()}\" lacks descr, fortran_order or shape.");
        var sizes = shape.Groups[1].Value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Select(size => int.Parse(size, System.Globalization.CultureInfo.InvariantCulture)).ToArray();
        return new NpyArray(descr.Groups[1].Value, order.Groups[1].Value == "True", sizes, bytes[dataOffset..]);
    }
}
