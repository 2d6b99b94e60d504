using System.Globalization;
using System.Text;

namespace Doc2Hash.Data.Formats;

/// <summary>
/// The NumPy .npy header (format version 1.0, as numpy.lib.format documents it): the magic "\x93NUMPY", version
/// bytes 1 and 0, a little-endian uint16 header length, then an ASCII Python dict literal
/// <c>{'descr': '|u1', 'fortran_order': False, 'shape': (3, 4), }</c> padded with spaces and ended by '\n' so that
/// the data starts at a multiple of 64 bytes. The data follows in C (row-major) order.
/// </summary>
internal static class NpyFormat
{
    public static readonly byte[] Magic = [0x93, (byte)'N', (byte)'U', (byte)'M', (byte)'P', (byte)'Y'];
    public const byte MajorVersion = 1;
    public const byte MinorVersion = 0;
    /// <summary>Magic (6) + version (2) + header length (2).</summary>
    public const int PreambleLength = 10;
    /// <summary>NumPy aligns the data to 64 bytes (numpy.lib.format.ARRAY_ALIGN).</summary>
    public const int DataAlignment = 64;

    public static byte[] Header(string descr, IReadOnlyList<int> shape)
    {
        string dict = $"{{'descr': '{descr}', 'fortran_order': False, 'shape': {ShapeLiteral(shape)}, }}";
        int unpadded = PreambleLength + dict.Length + 1;
        int padding = (DataAlignment - unpadded % DataAlignment) % DataAlignment;
        string text = dict + new string(' ', padding) + "\n";
        if (text.Length > ushort.MaxValue)
            throw new ArgumentException($"A shape of {shape.Count} dimensions does not fit a version 1.0 .npy header.", nameof(shape));
        var header = new byte[PreambleLength + text.Length];
        Magic.CopyTo(header, 0);
        header[6] = MajorVersion;
        header[7] = MinorVersion;
        header[8] = (byte)(text.Length & 0xFF);
        header[9] = (byte)(text.Length >> 8);
        Encoding.ASCII.GetBytes(text, 0, text.Length, header, PreambleLength);
        return header;
    }

    /// <summary>A Python tuple: "(3, 4)", "(5,)" for one dimension, "()" for a scalar.</summary>
    public static string ShapeLiteral(IReadOnlyList<int> shape) => shape.Count switch
    {
        0 => "()",
        1 => $"({shape[0].ToString(CultureInfo.InvariantCulture)},)",
        _ => "(" + string.Join(", ", shape.Select(size => size.ToString(CultureInfo.InvariantCulture))) + ")",
    };
}
