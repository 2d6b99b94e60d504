using System.Buffers.Binary;
using System.Text;

namespace Doc2Hash.Data.Formats;

/// <summary>
/// The 128-byte header of a MATLAB v5 file (MathWorks' "MAT-File Format", "MAT-File Header Format"):
/// 116 bytes of descriptive text, an 8-byte subsystem data offset, a 2-byte version (0x0100) and the 2-byte
/// endian indicator "MI" written as a 16-bit value, which reads "IM" on disk when the writer was little-endian.
/// </summary>
internal static class MatHeader
{
    public const int Length = 128;
    public const int TextLength = 116;
    public const int SubsystemOffsetLength = 8;
    public const ushort Version5 = 0x0100;
    private const int VersionOffset = 124;
    private const int EndianOffset = 126;
    private static readonly byte[] LittleEndianMark = "IM"u8.ToArray();
    private static readonly byte[] BigEndianMark = "MI"u8.ToArray();

    /// <summary>Checks the header and returns its descriptive text.</summary>
    public static string Parse(byte[] file, string path)
    {
        if (file.Length < Length)
            throw new MatFormatException(path, null, "at byte 0", $"the file has {file.Length} bytes, less than the {Length}-byte MATLAB v5 header. Re-create or re-download the file.");
        var text = Encoding.ASCII.GetString(file, 0, TextLength).TrimEnd(' ', '\0');
        var endian = file.AsSpan(EndianOffset, 2);
        if (endian.SequenceEqual(BigEndianMark))
            throw new MatFormatException(path, null, $"at byte {EndianOffset}", "this is a big-endian MAT-file, which the reader does not support. Load and re-save it on a little-endian machine (e.g. scipy.io.savemat or MATLAB `save -v7`).");
        if (!endian.SequenceEqual(LittleEndianMark))
            throw new MatFormatException(path, null, $"at byte {EndianOffset}", $"no MATLAB v5 endian indicator (expected \"IM\"); header text: \"{Truncate(text)}\". MATLAB v4 and non-MAT files are not supported; re-save with `save -v7` or scipy.io.savemat.");
        ushort version = BinaryPrimitives.ReadUInt16LittleEndian(file.AsSpan(VersionOffset));
        if (version != Version5)
            throw new MatFormatException(path, null, $"at byte {VersionOffset}", $"MAT-file version 0x{version:X4} is not supported (expected 0x{Version5:X4}); MATLAB 7.3 (HDF5) files must be re-saved with `save -v7`.");
        return text;
    }

    public static byte[] Build(string description)
    {
        var header = new byte[Length];
        var text = Encoding.ASCII.GetBytes(description.Length > TextLength ? description[..TextLength] : description);
        header.AsSpan(0, TextLength).Fill((byte)' ');
        text.CopyTo(header, 0);
        // Subsystem data offset: zeros mean "no subsystem data", as SciPy writes it.
        BinaryPrimitives.WriteUInt16LittleEndian(header.AsSpan(VersionOffset), Version5);
        LittleEndianMark.CopyTo(header, EndianOffset);
        return header;
    }

    private static string Truncate(string text) => text.Length <= 40 ? text : text[..40] + "...";
}
