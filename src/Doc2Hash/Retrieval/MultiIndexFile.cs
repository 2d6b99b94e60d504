using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Doc2Hash.IO;

namespace Doc2Hash.Retrieval;

/// <summary>
/// The file of a <see cref="MultiIndexHashing"/> index (little-endian):
/// <c>"DOC2HMIH"</c> (8 bytes), version (int32, now 1), bits, code count, substring count m (int32 each),
/// m substring lengths (int32), the packed code words (count x ceil(bits / 64) uint64, the <see cref="BinaryCodes"/>
/// layout), then a SHA-256 of everything before it. The hash tables are not stored: they are a pure function of the
/// codes and the layout, rebuilt on load by a counting sort in well under a second for 1M codes, while storing them
/// would multiply the file size by up to m x (2^22 + N) x 4 bytes. Written atomically.
/// </summary>
public static class MultiIndexFile
{
    public const int Version = 1;
    private static readonly byte[] Magic = Encoding.ASCII.GetBytes("DOC2HMIH");
    private const int ChecksumBytes = 32;

    public static void Write(string path, MultiIndexHashing index, bool overwrite)
    {
        AtomicFile.Write(path, stream =>
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            void Put(ReadOnlySpan<byte> bytes)
            {
                stream.Write(bytes);
                hash.AppendData(bytes);
            }
            Put(Magic);
            int[] header = [Version, index.Codes.Bits, index.Codes.Count, index.Layout.Count, .. index.Layout.Lengths];
            Put(MemoryMarshal.AsBytes(header.AsSpan()));
            Put(MemoryMarshal.AsBytes(index.Codes.Words.AsSpan()));
            stream.Write(hash.GetHashAndReset());
        }, overwrite);
    }

    public static MultiIndexHashing Read(string path)
    {
        if (!File.Exists(path)) throw new FileNotFoundException($"No multi-index file at '{path}'. Build one first (doc2hash index build RUN).", path);
        var bytes = File.ReadAllBytes(path);
        if (bytes.Length < Magic.Length + 4 * sizeof(int) + ChecksumBytes || !bytes.AsSpan(0, Magic.Length).SequenceEqual(Magic))
            throw new InvalidDataException($"'{path}' is not a Doc2Hash multi-index file (it does not start with \"DOC2HMIH\").");
        var body = bytes.AsSpan(0, bytes.Length - ChecksumBytes);
        if (!SHA256.HashData(body).AsSpan().SequenceEqual(bytes.AsSpan(body.Length)))
            throw new InvalidDataException($"'{path}' is corrupt (its SHA-256 checksum does not match its content); rebuild the index.");
        var header = MemoryMarshal.Cast<byte, int>(body[Magic.Length..]);
        if (header[0] != Version)
            throw new InvalidDataException($"'{path}' is a version {header[0]} multi-index file; this kit reads version {Version}. Rebuild the index with this kit.");
        int bits = header[1], count = header[2], substrings = header[3];
        if (bits < 1 || count < 1 || substrings < 1 || substrings > bits)
            throw new InvalidDataException($"'{path}' has an impossible header ({bits} bits, {count} codes, {substrings} substrings).");
        var layout = new SubstringLayout(bits, substrings);
        int headerBytes = Magic.Length + (4 + substrings) * sizeof(int);
        long wordBytes = (long)count * ((bits + 63) / 64) * sizeof(ulong);
        if (body.Length != headerBytes + wordBytes)
            throw new InvalidDataException($"'{path}' holds {body.Length - headerBytes} code bytes; {count} codes of {bits} bits need {wordBytes}.");
        if (!header.Slice(4, substrings).SequenceEqual(layout.Lengths.ToArray()))
            throw new InvalidDataException($"'{path}' lists substring lengths that do not match a {substrings}-way cut of {bits} bits.");
        var words = MemoryMarshal.Cast<byte, ulong>(body[headerBytes..]).ToArray();
        return MultiIndexHashing.Build(new BinaryCodes(count, bits, words), layout);
    }
}
