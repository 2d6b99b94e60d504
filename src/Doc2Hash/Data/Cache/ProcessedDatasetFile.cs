using System.Runtime.InteropServices;
using System.Security.Cryptography;
using System.Text;
using Doc2Hash.Text;
using Doc2Hash.IO;

namespace Doc2Hash.Data.Cache;

/// <summary>
/// The binary layout of a cached <see cref="HashingDataset"/>, little-endian, built for a fast load (the arrays are
/// copied in bulk):
/// "D2HCACHE" magic (8 bytes), format version (int32), then the name, vocabulary and label names (int32 count +
/// length-prefixed UTF-8 strings), the multi-label flag (1 byte), the train, validation and test splits (for each:
/// rows, columns, stored values, label count, label entries as int32; then the CSR row pointers, column indices,
/// float32 values, label row pointers and label ids), and a 32-byte SHA-256 of everything before it.
/// </summary>
internal static class ProcessedDatasetFile
{
    public const int FormatVersion = 1;
    public const int TrailerBytes = SHA256.HashSizeInBytes;
    private static readonly byte[] Magic = "D2HCACHE"u8.ToArray();

    public static byte[] Serialize(HashingDataset dataset)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("The dataset cache layout assumes a little-endian machine.");
        using var buffer = new MemoryStream();
        using (var writer = new BinaryWriter(buffer, Encoding.UTF8, leaveOpen: true))
        {
            writer.Write(Magic);
            writer.Write(FormatVersion);
            writer.Write(dataset.Name);
            WriteStrings(writer, dataset.Vocabulary);
            WriteStrings(writer, dataset.LabelNames);
            writer.Write(dataset.IsMultiLabel);
            foreach (var split in new[] { dataset.Train, dataset.Validation, dataset.Test })
                WriteSplit(writer, split);
        }
        var hash = SHA256.HashData(buffer.GetBuffer().AsSpan(0, (int)buffer.Length));
        buffer.Write(hash);
        return buffer.ToArray();
    }

    /// <summary>The SHA-256 over the content (the trailer excluded), as lowercase hex.</summary>
    public static string ContentHash(ReadOnlySpan<byte> file) =>
        Convert.ToHexStringLower(SHA256.HashData(file[..^TrailerBytes]));

    /// <summary>Parses a file whose checksum was already verified; throws DataFormatException if it is malformed.</summary>
    public static HashingDataset Deserialize(byte[] file)
    {
        var reader = new SpanReader(file, file.Length - TrailerBytes);
        if (!reader.Bytes(Magic.Length).SequenceEqual(Magic))
            throw new DataFormatException("not a Doc2Hash dataset cache (bad magic)");
        int version = reader.Int32();
        if (version != FormatVersion)
            throw new DataFormatException($"format version {version}, this build reads {FormatVersion}");
        string name = reader.String();
        var vocabulary = reader.Strings();
        var labelNames = reader.Strings();
        bool multiLabel = reader.Bytes(1)[0] != 0;
        var train = ReadSplit(reader, multiLabel);
        var validation = ReadSplit(reader, multiLabel);
        var test = ReadSplit(reader, multiLabel);
        if (!reader.AtEnd)
            throw new DataFormatException("unexpected bytes after the test split");
        return new HashingDataset(name, vocabulary, labelNames, train, validation, test);
    }

    private static void WriteStrings(BinaryWriter writer, IReadOnlyList<string> strings)
    {
        writer.Write(strings.Count);
        foreach (string s in strings) writer.Write(s);
    }

    private static void WriteSplit(BinaryWriter writer, DatasetSplit split)
    {
        var features = split.Features;
        var labels = split.Labels;
        writer.Write(features.Rows);
        writer.Write(features.Columns);
        writer.Write(features.NonZeros);
        writer.Write(labels.LabelCount);
        writer.Write(labels.LabelIds.Length);
        writer.Write(MemoryMarshal.AsBytes(features.RowPointers.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(features.ColumnIndices.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(features.Values.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(labels.RowPointers.AsSpan()));
        writer.Write(MemoryMarshal.AsBytes(labels.LabelIds.AsSpan()));
    }

    private static DatasetSplit ReadSplit(SpanReader reader, bool multiLabel)
    {
        int rows = reader.Count(), columns = reader.Count(), nonZeros = reader.Count();
        int labelCount = reader.Count(), labelEntries = reader.Count();
        var rowPointers = reader.Array<int>(rows + 1L);
        var columnIndices = reader.Array<int>(nonZeros);
        var values = reader.Array<float>(nonZeros);
        var labelPointers = reader.Array<int>(rows + 1L);
        var labelIds = reader.Array<int>(labelEntries);
        try
        {
            return new DatasetSplit(
                new SparseMatrix(rows, columns, rowPointers, columnIndices, values),
                new LabelMatrix(labelCount, labelPointers, labelIds, multiLabel));
        }
        catch (ArgumentException e)
        {
            throw new DataFormatException($"inconsistent split arrays ({e.Message})", e);
        }
    }

    /// <summary>Reads values in order from a byte array, refusing to read past <c>end</c>.</summary>
    private sealed class SpanReader(byte[] buffer, int end)
    {
        private int _position;

        public bool AtEnd => _position == end;

        public ReadOnlySpan<byte> Bytes(int count)
        {
            if (count < 0 || count > end - _position)
                throw new DataFormatException($"truncated: {count} bytes needed at byte {_position}, {end - _position} remain");
            var span = buffer.AsSpan(_position, count);
            _position += count;
            return span;
        }

        public int Int32() => MemoryMarshal.Read<int>(Bytes(sizeof(int)));

        public int Count()
        {
            int count = Int32();
            return count >= 0 ? count : throw new DataFormatException($"negative count {count} before byte {_position}");
        }

        /// <summary>Sizes in 64-bit arithmetic: a corrupt count is "more bytes than remain", never an overflow.</summary>
        public T[] Array<T>(long count) where T : unmanaged
        {
            long bytes = count * Marshal.SizeOf<T>();
            if (bytes > end - _position)
                throw new DataFormatException($"truncated: {count} values ({bytes} bytes) needed at byte {_position}, {end - _position} remain");
            return MemoryMarshal.Cast<byte, T>(Bytes((int)bytes)).ToArray();
        }

        public string String()
        {
            // BinaryWriter's length prefix: 7 bits per byte, low groups first, high bit = more bytes follow.
            int length = 0;
            for (int shift = 0; ; shift += 7)
            {
                byte b = Bytes(1)[0];
                length |= (b & 0x7F) << shift;
                if ((b & 0x80) == 0) break;
                if (shift > 28) throw new DataFormatException($"bad string length before byte {_position}");
            }
            return Encoding.UTF8.GetString(Bytes(length));
        }

        public string[] Strings()
        {
            // Each string takes at least its 1-byte length prefix: a larger count cannot be genuine (and must not be allocated).
            int count = Count();
            if (count > end - _position)
                throw new DataFormatException($"{count} strings announced before byte {_position}, but only {end - _position} bytes remain");
            var strings = new string[count];
            for (int i = 0; i < strings.Length; i++) strings[i] = String();
            return strings;
        }
    }
}
