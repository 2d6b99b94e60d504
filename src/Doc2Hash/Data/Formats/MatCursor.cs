using System.Buffers.Binary;
using System.Runtime.InteropServices;
using System.Text;

namespace Doc2Hash.Data.Formats;

/// <summary>One data element: its type, where its tag starts, and where its data lies in the buffer.</summary>
internal readonly record struct MatElement(MatDataType Type, int TagOffset, int DataOffset, int Length);

/// <summary>
/// Walks the data elements of one byte buffer (the file itself, or the inflated content of a compressed element)
/// and turns their data into numbers, with error messages that name the file, the variable and the byte offset.
/// Tag layout from MathWorks' "MAT-File Format": 4-byte type + 4-byte byte count, data padded to 8 bytes; or the
/// small-element form (byte count in the upper 16 bits of the first word, up to 4 data bytes in the second word).
/// </summary>
internal sealed class MatCursor
{
    public const int TagBytes = 8;
    private const int Alignment = 8;
    private const int SmallElementMaxBytes = 4;

    private readonly byte[] _buffer;
    private readonly int _end;
    private readonly string _filePath;
    private readonly long? _compressedElementOffset;
    private int _position;

    public MatCursor(byte[] buffer, int start, int end, string filePath, long? compressedElementOffset)
    {
        _buffer = buffer;
        _position = start;
        _end = end;
        _filePath = filePath;
        _compressedElementOffset = compressedElementOffset;
    }

    /// <summary>The variable being read, for error messages; null until its name sub-element is read.</summary>
    public string? VariableName { get; set; }
    public bool AtEnd => _position >= _end;
    public int Position => _position;
    public byte[] Buffer => _buffer;

    /// <summary>A cursor over the data of one element (e.g. the sub-elements of a miMATRIX).</summary>
    public MatCursor Enter(MatElement element) =>
        new(_buffer, element.DataOffset, element.DataOffset + element.Length, _filePath, _compressedElementOffset) { VariableName = VariableName };

    /// <summary>
    /// Reads the next tag and moves past the element's data and its padding to 8 bytes. Compressed elements are
    /// not padded (MATLAB and SciPy write them back to back).
    /// </summary>
    public MatElement Next()
    {
        if (_end - _position < TagBytes)
            throw Error(_position, $"the file is truncated: a data element tag needs {TagBytes} bytes but only {_end - _position} remain. Re-create or re-download the file.");
        uint first = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_position));
        int tagOffset = _position;
        if (first >> 16 != 0)
            return NextSmall(first, tagOffset);
        uint length = BinaryPrimitives.ReadUInt32LittleEndian(_buffer.AsSpan(_position + 4));
        int dataOffset = _position + TagBytes;
        if (length > (uint)(_end - dataOffset))
            throw Error(tagOffset, $"the file is truncated or corrupt: a data element of type {first} declares {length} bytes but only {_end - dataOffset} remain. Re-create or re-download the file.");
        int stored = first == (uint)MatDataType.Compressed ? (int)length : AlignUp((int)length);
        _position = Math.Min(_end, dataOffset + stored);
        return new MatElement((MatDataType)first, tagOffset, dataOffset, (int)length);
    }

    private MatElement NextSmall(uint first, int tagOffset)
    {
        int length = (int)(first >> 16);
        if (length > SmallElementMaxBytes)
            throw Error(tagOffset, $"corrupt small data element: it claims {length} bytes but that form holds at most {SmallElementMaxBytes}.");
        _position += TagBytes;
        return new MatElement((MatDataType)(first & 0xFFFF), tagOffset, tagOffset + 4, length);
    }

    public ReadOnlySpan<byte> Data(MatElement element) => _buffer.AsSpan(element.DataOffset, element.Length);

    /// <summary>The next element, which must exist: <paramref name="what"/> names it for the error message.</summary>
    public MatElement Expect(string what)
    {
        if (AtEnd)
            throw Error(_position, $"the array ends before its {what}; the file is corrupt.");
        return Next();
    }

    /// <summary>Any numeric element as doubles (integers and singles widen exactly).</summary>
    public double[] ReadDoubles(MatElement element, string what)
    {
        var bytes = NumericBytes(element, what);
        return element.Type switch
        {
            MatDataType.Double => MemoryMarshal.Cast<byte, double>(bytes).ToArray(),
            MatDataType.Single => Widen(MemoryMarshal.Cast<byte, float>(bytes)),
            MatDataType.Int8 => Widen(MemoryMarshal.Cast<byte, sbyte>(bytes)),
            MatDataType.UInt8 => Widen(bytes),
            MatDataType.Int16 => Widen(MemoryMarshal.Cast<byte, short>(bytes)),
            MatDataType.UInt16 => Widen(MemoryMarshal.Cast<byte, ushort>(bytes)),
            MatDataType.Int32 => Widen(MemoryMarshal.Cast<byte, int>(bytes)),
            MatDataType.UInt32 => Widen(MemoryMarshal.Cast<byte, uint>(bytes)),
            MatDataType.Int64 => Widen(MemoryMarshal.Cast<byte, long>(bytes)),
            _ => Widen(MemoryMarshal.Cast<byte, ulong>(bytes)),
        };
    }

    /// <summary>An integer element (dimensions, ir, jc) as non-negative ints.</summary>
    public int[] ReadIndices(MatElement element, string what)
    {
        if (element.Type is MatDataType.Single or MatDataType.Double)
            throw Error(element.TagOffset, $"the {what} must be stored as integers, found {element.Type}.");
        var values = ReadDoubles(element, what);
        var result = new int[values.Length];
        for (int i = 0; i < values.Length; i++)
        {
            if (values[i] < 0 || values[i] > int.MaxValue)
                throw Error(element.TagOffset, $"the {what} holds {values[i]} at position {i}; expected a value in [0, {int.MaxValue}].");
            result[i] = (int)values[i];
        }
        return result;
    }

    public string ReadName(MatElement element)
    {
        if (element.Type is not (MatDataType.Int8 or MatDataType.UInt8 or MatDataType.Utf8))
            throw Error(element.TagOffset, $"the array name must be stored as 8-bit characters, found {element.Type}.");
        return Encoding.UTF8.GetString(Data(element)).TrimEnd('\0');
    }

    public MatFormatException Error(int offset, string problem, Exception? inner = null)
    {
        string where = _compressedElementOffset is long outer
            ? $"at byte {offset} of the inflated data of the compressed element at file byte {outer}"
            : $"at byte {offset}";
        return new MatFormatException(_filePath, VariableName, where, problem, inner);
    }

    private ReadOnlySpan<byte> NumericBytes(MatElement element, string what)
    {
        if (!MatDataTypeInfo.IsNumeric(element.Type))
            throw Error(element.TagOffset, $"the {what} has data type code {(int)element.Type}, which is not numeric.");
        int size = MatDataTypeInfo.ElementSize(element.Type);
        if (element.Length % size != 0)
            throw Error(element.TagOffset, $"the {what} holds {element.Length} bytes, not a whole number of {size}-byte {element.Type} values.");
        return Data(element);
    }

    private static double[] Widen<T>(ReadOnlySpan<T> values) where T : System.Numerics.INumberBase<T>
    {
        var result = new double[values.Length];
        for (int i = 0; i < values.Length; i++) result[i] = double.CreateTruncating(values[i]);
        return result;
    }

    private static int AlignUp(int length) => (length + Alignment - 1) / Alignment * Alignment;
}
