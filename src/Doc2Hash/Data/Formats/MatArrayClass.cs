namespace Doc2Hash.Data.Formats;

/// <summary>
/// The array class codes of a MATLAB v5 miMATRIX element (the "mxXXX" codes of MathWorks' "MAT-File Format",
/// table "MATLAB Array Types (Classes)"), stored in the low byte of the array-flags sub-element.
/// </summary>
public enum MatArrayClass
{
    Cell = 1,
    Struct = 2,
    Object = 3,
    Char = 4,
    Sparse = 5,
    Double = 6,
    Single = 7,
    Int8 = 8,
    UInt8 = 9,
    Int16 = 10,
    UInt16 = 11,
    Int32 = 12,
    UInt32 = 13,
    Int64 = 14,
    UInt64 = 15,
}
