namespace Doc2Hash.Data.Formats;

/// <summary>
/// The data type codes of MATLAB v5 data elements (the "miXXX" codes of MathWorks' "MAT-File Format" document,
/// table "MAT-File Data Types"). Every data element starts with a tag holding one of these codes and a byte count.
/// </summary>
public enum MatDataType
{
    Int8 = 1,
    UInt8 = 2,
    Int16 = 3,
    UInt16 = 4,
    Int32 = 5,
    UInt32 = 6,
    Single = 7,
    Double = 9,
    Int64 = 12,
    UInt64 = 13,
    /// <summary>An array (miMATRIX): flags, dimensions, name and data as sub-elements.</summary>
    Matrix = 14,
    /// <summary>A zlib stream holding further data elements (miCOMPRESSED, MATLAB 7 and SciPy's do_compression).</summary>
    Compressed = 15,
    Utf8 = 16,
    Utf16 = 17,
    Utf32 = 18,
}

internal static class MatDataTypeInfo
{
    /// <summary>Bytes per value of a numeric data type; 0 for types that do not hold plain numbers.</summary>
    public static int ElementSize(MatDataType type) => type switch
    {
        MatDataType.Int8 or MatDataType.UInt8 or MatDataType.Utf8 => 1,
        MatDataType.Int16 or MatDataType.UInt16 or MatDataType.Utf16 => 2,
        MatDataType.Int32 or MatDataType.UInt32 or MatDataType.Single or MatDataType.Utf32 => 4,
        MatDataType.Double or MatDataType.Int64 or MatDataType.UInt64 => 8,
        _ => 0,
    };

    public static bool IsNumeric(MatDataType type) =>
        type is >= MatDataType.Int8 and <= MatDataType.UInt32 or MatDataType.Single or MatDataType.Double
            or MatDataType.Int64 or MatDataType.UInt64;
}
