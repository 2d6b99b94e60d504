using Doc2Hash.IO;
using System.Runtime.InteropServices;

namespace Doc2Hash.Data.Formats;

/// <summary>
/// Writes NumPy .npy files (version 1.0, C order), atomically (temporary file + rename), readable with numpy.load.
/// </summary>
public static class NpyWriter
{
    /// <summary>dtype strings: '|' = byte order not applicable, '&lt;' = little-endian.</summary>
    private const string UInt8Descr = "|u1";
    private const string Float32Descr = "<f4";
    private const string Int32Descr = "<i4";

    /// <summary>An array of unsigned bytes (numpy dtype uint8) with the given shape, in row-major order.</summary>
    public static void WriteUInt8(string path, IReadOnlyList<int> shape, byte[] data, bool overwrite = false) =>
        Write(path, UInt8Descr, sizeof(byte), shape, data, overwrite);

    /// <summary>An array of little-endian float32 values with the given shape, in row-major order.</summary>
    public static void WriteFloat32(string path, IReadOnlyList<int> shape, float[] data, bool overwrite = false) =>
        WriteLittleEndian(path, Float32Descr, shape, data, overwrite);

    /// <summary>An array of little-endian int32 values with the given shape, in row-major order.</summary>
    public static void WriteInt32(string path, IReadOnlyList<int> shape, int[] data, bool overwrite = false) =>
        WriteLittleEndian(path, Int32Descr, shape, data, overwrite);

    private static void WriteLittleEndian<T>(string path, string descr, IReadOnlyList<int> shape, T[] data, bool overwrite) where T : unmanaged
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("The .npy writer assumes a little-endian machine.");
        Write(path, descr, System.Runtime.CompilerServices.Unsafe.SizeOf<T>(), shape, MemoryMarshal.AsBytes(data.AsSpan()).ToArray(), overwrite);
    }

    private static void Write(string path, string descr, int itemSize, IReadOnlyList<int> shape, byte[] data, bool overwrite) =>
        AtomicFile.Write(path, Content(descr, itemSize, shape, data), overwrite);

    /// <summary>The whole .npy file of a uint8 array as a stream writer, for <see cref="AtomicFileSet"/>.</summary>
    public static Action<Stream> UInt8Content(IReadOnlyList<int> shape, byte[] data) => Content(UInt8Descr, sizeof(byte), shape, data);

    private static Action<Stream> Content(string descr, int itemSize, IReadOnlyList<int> shape, byte[] data)
    {
        long count = 1;
        foreach (int size in shape)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(size, nameof(shape));
            count *= size;
        }
        if (count * itemSize != data.Length)
            throw new ArgumentException($"Shape ({string.Join(", ", shape)}) holds {count} values of {itemSize} bytes, but {data.Length} bytes were given.", nameof(data));
        var header = NpyFormat.Header(descr, shape);
        return stream =>
        {
            stream.Write(header);
            stream.Write(data);
        };
    }
}
