using System.Buffers.Binary;
using System.IO.Compression;

namespace Doc2Hash.Data.Formats;

/// <summary>
/// Reads the MATLAB v5 files the document-hashing literature uses (e.g. VDSH's ng20.tfidf.mat): top-level miMATRIX
/// and miCOMPRESSED (zlib) elements holding dense numeric arrays and sparse matrices. Cell, struct, object and char
/// arrays are skipped and listed; unknown top-level element types are skipped by their byte count.
/// </summary>
internal static class MatReader
{
    // Array-flags bits (MAT-File Format, "Array Flags Subelement"): in the second byte of the first flags word.
    private const uint ComplexFlag = 0x0800;
    private const uint LogicalFlag = 0x0200;
    private const uint ClassMask = 0xFF;
    private const int ArrayFlagsBytes = 8;
    private const int MinimumDimensions = 2;

    public static MatFile Read(string path)
    {
        if (!BitConverter.IsLittleEndian)
            throw new PlatformNotSupportedException("The MATLAB reader assumes a little-endian machine.");
        if (!File.Exists(path))
            throw new FileNotFoundException($"MATLAB file '{path}' does not exist. Check the path.", path);
        var bytes = File.ReadAllBytes(path);
        string description = MatHeader.Parse(bytes, path);
        var variables = new List<MatVariable>();
        var skipped = new List<string>();
        var cursor = new MatCursor(bytes, MatHeader.Length, bytes.Length, path, compressedElementOffset: null);
        while (!cursor.AtEnd)
            ReadTopLevel(cursor, path, variables, skipped);
        return new MatFile(path, description, variables, skipped);
    }

    private static void ReadTopLevel(MatCursor cursor, string path, List<MatVariable> variables, List<string> skipped)
    {
        var element = cursor.Next();
        if (element.Type == MatDataType.Compressed)
        {
            var inner = Inflate(cursor, element, path);
            while (!inner.AtEnd)
                ReadArrayElement(inner, inner.Next(), variables, skipped);
        }
        else
        {
            ReadArrayElement(cursor, element, variables, skipped);
        }
    }

    private static MatCursor Inflate(MatCursor cursor, MatElement element, string path)
    {
        try
        {
            using var input = new MemoryStream(cursor.Buffer, element.DataOffset, element.Length, writable: false);
            using var zlib = new ZLibStream(input, CompressionMode.Decompress);
            using var output = new MemoryStream();
            zlib.CopyTo(output);
            return new MatCursor(output.GetBuffer(), 0, (int)output.Length, path, element.TagOffset);
        }
        catch (InvalidDataException e)
        {
            throw cursor.Error(element.TagOffset, $"the zlib data of a compressed element is corrupt or truncated ({e.Message}). Re-create or re-download the file.", e);
        }
    }

    private static void ReadArrayElement(MatCursor cursor, MatElement element, List<MatVariable> variables, List<string> skipped)
    {
        // Other top-level element types carry no variable; they are skipped by their declared size.
        if (element.Type != MatDataType.Matrix || element.Length == 0) return;
        var array = cursor.Enter(element);
        var variable = ReadArray(array, skipped);
        if (variable is null) return;
        if (variables.Any(v => v.Name == variable.Name))
            throw cursor.Error(element.TagOffset, $"variable '{variable.Name}' appears twice; the file is corrupt.");
        variables.Add(variable);
    }

    private static MatVariable? ReadArray(MatCursor array, List<string> skipped)
    {
        var flagsElement = array.Expect("array flags");
        if (flagsElement.Type != MatDataType.UInt32 || flagsElement.Length != ArrayFlagsBytes)
            throw array.Error(flagsElement.TagOffset, $"the array flags must be {ArrayFlagsBytes} bytes of miUINT32, found {flagsElement.Length} bytes of type {(int)flagsElement.Type}; the file is corrupt.");
        var flagBytes = array.Data(flagsElement);
        uint flags = BinaryPrimitives.ReadUInt32LittleEndian(flagBytes);
        var arrayClass = (MatArrayClass)(flags & ClassMask);
        var dimensions = array.ReadIndices(array.Expect("dimensions"), "dimensions");
        var nameElement = array.Expect("name");
        if (dimensions.Length < MinimumDimensions)
            throw array.Error(nameElement.TagOffset, $"an array needs at least {MinimumDimensions} dimensions, found {dimensions.Length}.");
        array.VariableName = array.ReadName(nameElement);
        if ((flags & ComplexFlag) != 0 && arrayClass is not (MatArrayClass.Cell or MatArrayClass.Struct or MatArrayClass.Object or MatArrayClass.Char))
            throw array.Error(flagsElement.TagOffset, "complex arrays are not supported; store the real part only.");
        bool logical = (flags & LogicalFlag) != 0;
        return arrayClass switch
        {
            MatArrayClass.Sparse => ReadSparse(array, dimensions, logical),
            >= MatArrayClass.Double and <= MatArrayClass.UInt64 => ReadDense(array, dimensions, arrayClass, logical),
            _ => Skip(array.VariableName, skipped),
        };
    }

    private static MatVariable? Skip(string name, List<string> skipped)
    {
        skipped.Add(name);
        return null;
    }

    private static MatDenseArray ReadDense(MatCursor array, int[] dimensions, MatArrayClass arrayClass, bool logical)
    {
        var realElement = array.Expect("real part");
        var values = array.ReadDoubles(realElement, "real part");
        var expected = dimensions.Aggregate(System.Numerics.BigInteger.One, (product, size) => product * size);
        if (values.Length != expected)
            throw array.Error(realElement.TagOffset, $"dimensions {string.Join(" x ", dimensions)} need {expected} values but the data holds {values.Length}; the file is corrupt.");
        try
        {
            return new MatDenseArray(array.VariableName!, dimensions, values, arrayClass, logical);
        }
        catch (ArgumentException e)
        {
            throw array.Error(realElement.TagOffset, e.Message + " The file is corrupt.", e);
        }
    }

    private static MatSparseArray ReadSparse(MatCursor array, int[] dimensions, bool logical)
    {
        if (dimensions.Length != MinimumDimensions)
            throw array.Error(array.Position, $"a sparse matrix must have 2 dimensions, found {dimensions.Length}.");
        var irElement = array.Expect("row indices (ir)");
        var rowIndices = array.ReadIndices(irElement, "row indices (ir)");
        var jcElement = array.Expect("column pointers (jc)");
        var columnPointers = array.ReadIndices(jcElement, "column pointers (jc)");
        var prElement = array.Expect("values (pr)");
        var values = array.ReadDoubles(prElement, "values (pr)");
        int columns = dimensions[1];
        if (columnPointers.Length != columns + 1L)
            throw array.Error(jcElement.TagOffset, $"jc has {columnPointers.Length} entries but {columns} columns need {columns + 1L}; the file is corrupt.");
        // ir and pr may be longer than the stored count (MATLAB's nzmax); jc's last entry is the real count.
        int count = columnPointers[columns];
        if (rowIndices.Length < count || values.Length < count)
            throw array.Error(prElement.TagOffset, $"jc declares {count} stored values but ir has {rowIndices.Length} and pr {values.Length}; the file is corrupt.");
        try
        {
            return new MatSparseArray(array.VariableName!, dimensions[0], columns, columnPointers, rowIndices[..count], values[..count], logical);
        }
        catch (ArgumentException e)
        {
            throw array.Error(irElement.TagOffset, e.Message + " The file is corrupt.", e);
        }
    }
}
