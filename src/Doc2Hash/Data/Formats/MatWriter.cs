using System.Buffers.Binary;
using System.IO.Compression;
using System.Runtime.InteropServices;
using System.Text;

namespace Doc2Hash.Data.Formats;

/// <summary>
/// Writes MATLAB v5 files in the layout SciPy's savemat and MATLAB's `save -v7` produce: the 128-byte header, then
/// one miMATRIX element per variable (flags, dimensions, name, data), each optionally wrapped in a zlib-compressed
/// miCOMPRESSED element. Supports what the VDSH layout needs: sparse double and dense double arrays.
/// </summary>
internal static class MatWriter
{
    private const int Alignment = 8;
    private const int SmallElementMaxBytes = 4;
    // MATLAB variable names: a letter, then letters, digits or underscores, at most 63 characters (namelengthmax).
    private const int MaxNameLength = 63;

    public static void Write(Stream output, IReadOnlyList<MatVariable> variables, bool compress)
    {
        output.Write(MatHeader.Build($"MATLAB 5.0 MAT-file, written by Doc2Hash, Created on: {DateTime.UtcNow:ddd MMM dd HH:mm:ss yyyy} UTC"));
        var names = new HashSet<string>();
        foreach (var variable in variables)
        {
            ValidateName(variable.Name);
            if (!names.Add(variable.Name))
                throw new ArgumentException($"Variable '{variable.Name}' is given twice; MATLAB files hold one variable per name.");
            var matrix = MatrixElement(variable);
            if (compress) WriteCompressed(output, matrix);
            else output.Write(matrix);
        }
    }

    private static void WriteCompressed(Stream output, byte[] matrix)
    {
        using var buffer = new MemoryStream();
        using (var zlib = new ZLibStream(buffer, CompressionLevel.Optimal, leaveOpen: true))
            zlib.Write(matrix);
        Span<byte> tag = stackalloc byte[MatCursor.TagBytes];
        BinaryPrimitives.WriteUInt32LittleEndian(tag, (uint)MatDataType.Compressed);
        BinaryPrimitives.WriteUInt32LittleEndian(tag[4..], checked((uint)buffer.Length));
        output.Write(tag);
        output.Write(buffer.GetBuffer(), 0, (int)buffer.Length);
    }

    private static byte[] MatrixElement(MatVariable variable)
    {
        using var content = new MemoryStream();
        switch (variable)
        {
            case MatSparseArray sparse:
                WriteSparse(content, sparse);
                break;
            case MatDenseArray { Class: MatArrayClass.Double, IsLogical: false } dense:
                WriteHeaderElements(content, MatArrayClass.Double, nonZeroMax: 0, dense.Dimensions, dense.Name);
                WriteElement(content, MatDataType.Double, MemoryMarshal.AsBytes(dense.Data.AsSpan()));
                break;
            default:
                throw new NotSupportedException($"Variable '{variable.Name}' is a {variable.Describe()}; the writer supports dense double and sparse double arrays. Convert it to double first.");
        }
        var element = new byte[MatCursor.TagBytes + content.Length];
        BinaryPrimitives.WriteUInt32LittleEndian(element, (uint)MatDataType.Matrix);
        BinaryPrimitives.WriteUInt32LittleEndian(element.AsSpan(4), checked((uint)content.Length));
        content.GetBuffer().AsSpan(0, (int)content.Length).CopyTo(element.AsSpan(MatCursor.TagBytes));
        return element;
    }

    private static void WriteSparse(Stream content, MatSparseArray sparse)
    {
        if (sparse.IsLogical)
            throw new NotSupportedException($"Variable '{sparse.Name}' is a logical sparse matrix; the writer supports sparse double only.");
        // nzmax is at least 1, as MATLAB and SciPy write it even for an all-zero matrix.
        WriteHeaderElements(content, MatArrayClass.Sparse, Math.Max(1, sparse.NonZeros), [sparse.Rows, sparse.Columns], sparse.Name);
        WriteElement(content, MatDataType.Int32, MemoryMarshal.AsBytes(sparse.RowIndices.AsSpan()));
        WriteElement(content, MatDataType.Int32, MemoryMarshal.AsBytes(sparse.ColumnPointers.AsSpan()));
        WriteElement(content, MatDataType.Double, MemoryMarshal.AsBytes(sparse.Values.AsSpan()));
    }

    private static void WriteHeaderElements(Stream content, MatArrayClass arrayClass, int nonZeroMax, IReadOnlyList<int> dimensions, string name)
    {
        Span<byte> flags = stackalloc byte[8];
        BinaryPrimitives.WriteUInt32LittleEndian(flags, (uint)arrayClass);
        BinaryPrimitives.WriteUInt32LittleEndian(flags[4..], (uint)nonZeroMax);
        WriteElement(content, MatDataType.UInt32, flags);
        WriteElement(content, MatDataType.Int32, MemoryMarshal.AsBytes(dimensions.ToArray().AsSpan()));
        WriteElement(content, MatDataType.Int8, Encoding.ASCII.GetBytes(name));
    }

    /// <summary>
    /// One data element: the small form (type and length in one word, data in the next) for 1 to 4 bytes, else an
    /// 8-byte tag and the data padded with zeros to a multiple of 8 bytes. An empty element uses the full tag, since
    /// a small tag with length 0 would read as a full one.
    /// </summary>
    private static void WriteElement(Stream content, MatDataType type, ReadOnlySpan<byte> data)
    {
        Span<byte> tag = stackalloc byte[MatCursor.TagBytes];
        tag.Clear();
        if (data.Length is > 0 and <= SmallElementMaxBytes)
        {
            BinaryPrimitives.WriteUInt32LittleEndian(tag, (uint)type | (uint)data.Length << 16);
            data.CopyTo(tag[4..]);
            content.Write(tag);
            return;
        }
        BinaryPrimitives.WriteUInt32LittleEndian(tag, (uint)type);
        BinaryPrimitives.WriteUInt32LittleEndian(tag[4..], (uint)data.Length);
        content.Write(tag);
        content.Write(data);
        int padding = (Alignment - data.Length % Alignment) % Alignment;
        Span<byte> zeros = stackalloc byte[Alignment];
        zeros.Clear();
        content.Write(zeros[..padding]);
    }

    private static void ValidateName(string name)
    {
        bool valid = name.Length is > 0 and <= MaxNameLength && char.IsAsciiLetter(name[0])
            && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (!valid)
            throw new ArgumentException($"'{name}' is not a valid MATLAB variable name: use a letter followed by letters, digits or underscores, at most {MaxNameLength} characters.");
    }
}
