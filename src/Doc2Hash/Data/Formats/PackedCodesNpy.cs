using Doc2Hash.Retrieval;
using Doc2Hash.IO;

namespace Doc2Hash.Data.Formats;

/// <summary>
/// Binary codes as a NumPy uint8 array of shape (count, ceil(bits / 8)) in numpy.packbits order (bitorder='big'):
/// code bit b goes to byte b / 8 at bit position 7 - b % 8, so bit 0 is the most significant bit of byte 0.
/// numpy.unpackbits(codes, axis=1)[:, :bits] restores the 0/1 matrix, and FAISS binary indexes (IndexBinaryFlat)
/// take the array as is when bits is a multiple of 8. Unused low bits of the last byte are zero.
/// From <see cref="BinaryCodes"/>, where bit b is bit b % 64 of word b / 64: byte j of a code is byte j % 8
/// (little-endian) of word j / 8 with its bit order reversed.
/// </summary>
public static class PackedCodesNpy
{
    private const int BitsPerByte = 8;
    private const int BytesPerWord = 8;
    private const string UInt8Descr = "|u1";

    /// <summary>The longest code the format arithmetic here supports (far beyond any hashing code: the literature uses 8-128).</summary>
    public const int MaxBits = 1 << 24;

    public static int BytesPerCode(int bits) => (bits + BitsPerByte - 1) / BitsPerByte;

    /// <summary>Writes the codes atomically; an existing file is an error unless <paramref name="overwrite"/>.</summary>
    public static void Write(string path, BinaryCodes codes, bool overwrite = false) =>
        NpyWriter.WriteUInt8(path, [codes.Count, BytesPerCode(codes.Bits)], Pack(codes), overwrite);

    /// <summary>
    /// Writes several code files (e.g. the train, validation and test codes of one run) all or nothing
    /// (<see cref="AtomicFileSet"/>): with <paramref name="overwrite"/> false, one existing file means none is written;
    /// a failure part-way leaves the previous set as it was.
    /// </summary>
    public static void WriteAll(IReadOnlyList<(string Path, BinaryCodes Codes)> files, bool overwrite = false) =>
        AtomicFileSet.Write(files.Select(f => (f.Path, NpyWriter.UInt8Content([f.Codes.Count, BytesPerCode(f.Codes.Bits)], Pack(f.Codes)))).ToList(), overwrite);

    /// <summary>Reads codes written by <see cref="Write"/> (or numpy.packbits); the file does not store the bit count.</summary>
    public static BinaryCodes Read(string path, int bits)
    {
        if (bits is < 1 or > MaxBits)
            throw new ArgumentOutOfRangeException(nameof(bits), bits, $"A code has 1 to {MaxBits} bits.");
        var array = NpyArray.Read(path);
        int bytesPerCode = BytesPerCode(bits);
        if ((array.Descr != UInt8Descr && array.Descr != "<u1") || array.FortranOrder || array.Shape.Count != 2 || array.Shape[1] != bytesPerCode)
            throw new DataFormatException($"'{path}' holds a {array.Descr} array of shape ({string.Join(", ", array.Shape)}){(array.FortranOrder ? " in Fortran order" : "")}; {bits}-bit packed codes need uint8 of shape (n, {bytesPerCode}) in C order.");
        return Unpack(array.Data, array.Shape[0], bits, path);
    }

    public static byte[] Pack(BinaryCodes codes)
    {
        int bytesPerCode = BytesPerCode(codes.Bits);
        var packed = new byte[codes.Count * bytesPerCode];
        for (int i = 0; i < codes.Count; i++)
        {
            var words = codes.Code(i);
            for (int j = 0; j < bytesPerCode; j++)
                packed[i * bytesPerCode + j] = ReverseBits((byte)(words[j / BytesPerWord] >> (j % BytesPerWord * BitsPerByte)));
        }
        return packed;
    }

    public static BinaryCodes Unpack(byte[] packed, int count, int bits, string source)
    {
        int bytesPerCode = BytesPerCode(bits);
        if (packed.Length != (long)count * bytesPerCode)
            throw new DataFormatException($"'{source}': {count} codes of {bytesPerCode} bytes need {(long)count * bytesPerCode} data bytes, found {packed.Length}; the file is truncated.");
        int wordsPerCode = (bits + 63) / 64;
        var words = new ulong[count * wordsPerCode];
        for (int i = 0; i < count; i++)
        {
            for (int j = 0; j < bytesPerCode; j++)
            {
                ulong lowFirst = ReverseBits(packed[i * bytesPerCode + j]);
                words[i * wordsPerCode + j / BytesPerWord] |= lowFirst << (j % BytesPerWord * BitsPerByte);
            }
            if (bits % 64 != 0 && words[(i + 1) * wordsPerCode - 1] >> (bits % 64) != 0)
                throw new DataFormatException($"'{source}': code {i} has ones beyond bit {bits}; the file holds longer codes than {bits} bits.");
        }
        return new BinaryCodes(count, bits, words);
    }

    /// <summary>Mirrors a byte: bit k moves to bit 7 - k (LSB-first word order to packbits' MSB-first order).</summary>
    private static byte ReverseBits(byte value)
    {
        // Swap nibbles, then bit pairs, then neighbouring bits.
        int v = value;
        v = (v & 0xF0) >> 4 | (v & 0x0F) << 4;
        v = (v & 0xCC) >> 2 | (v & 0x33) << 2;
        v = (v & 0xAA) >> 1 | (v & 0x55) << 1;
        return (byte)v;
    }
}
