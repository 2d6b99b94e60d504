using System.Buffers.Binary;
using System.IO.Hashing;

namespace Doc2Hash.Data.Acquisition;

/// <summary>
/// Decompressed gzip data that checks the gzip trailer (RFC 1952: CRC-32 and length mod 2^32 of the
/// uncompressed data, the file's last 8 bytes) when the end is reached. .NET's GZipStream silently stops at the end
/// of a truncated file; this turns a cut-off download into an <see cref="InvalidDataException"/>. Assumes a
/// single-member gzip file, as gzip writes and as every canonical source is.
/// </summary>
public sealed class GzipTrailerCheckStream(Stream decompressed, uint expectedCrc, uint expectedLength) : Stream
{
    const int TrailerLength = 8;

    readonly Crc32 crc = new();
    ulong length;
    bool checkedTrailer;

    /// <summary>Reads the trailer of the gzip file at <paramref name="file"/> (positioned at 0 afterwards).</summary>
    public static (uint Crc, uint Length) ReadTrailer(FileStream file)
    {
        if (file.Length < TrailerLength) throw new InvalidDataException("the file is too short to be gzip data");
        Span<byte> trailer = stackalloc byte[TrailerLength];
        file.Seek(-TrailerLength, SeekOrigin.End);
        file.ReadExactly(trailer);
        file.Seek(0, SeekOrigin.Begin);
        return (BinaryPrimitives.ReadUInt32LittleEndian(trailer), BinaryPrimitives.ReadUInt32LittleEndian(trailer[4..]));
    }

    public override int Read(byte[] buffer, int offset, int count) => Read(buffer.AsSpan(offset, count));

    public override int Read(Span<byte> buffer)
    {
        int read = decompressed.Read(buffer);
        crc.Append(buffer[..read]);
        length += (ulong)read;
        if (read == 0 && buffer.Length > 0) CheckTrailer();
        return read;
    }

    void CheckTrailer()
    {
        if (checkedTrailer) return;
        checkedTrailer = true;
        if (crc.GetCurrentHashAsUInt32() != expectedCrc || (uint)length != expectedLength)
            throw new InvalidDataException(
                $"the gzip data ends early or is corrupt: {length} bytes decompressed, CRC-32 {crc.GetCurrentHashAsUInt32():x8}, " +
                $"but the trailer says {expectedLength} bytes with CRC-32 {expectedCrc:x8}");
    }

    public override bool CanRead => true;
    public override bool CanSeek => false;
    public override bool CanWrite => false;
    public override long Length => throw new NotSupportedException();
    public override long Position { get => throw new NotSupportedException(); set => throw new NotSupportedException(); }
    public override void Flush() { }
    public override long Seek(long offset, SeekOrigin origin) => throw new NotSupportedException();
    public override void SetLength(long value) => throw new NotSupportedException();
    public override void Write(byte[] buffer, int offset, int count) => throw new NotSupportedException();

    protected override void Dispose(bool disposing)
    {
        if (disposing) decompressed.Dispose();
        base.Dispose(disposing);
    }
}
