namespace Doc2Hash.Data.Formats;

/// <summary>
/// A dense numeric MATLAB array. Values are held as doubles in MATLAB's column-major order whatever the stored class
/// (every integer and single class converts to double exactly); <see cref="Class"/> remembers the stored class.
/// </summary>
public sealed class MatDenseArray : MatVariable
{
    public MatDenseArray(string name, IReadOnlyList<int> dimensions, double[] columnMajorData,
        MatArrayClass arrayClass = MatArrayClass.Double, bool isLogical = false)
        : base(name)
    {
        if (dimensions.Count < 2)
            throw new ArgumentException($"Variable '{name}': a MATLAB array has at least 2 dimensions, got {dimensions.Count}.", nameof(dimensions));
        // Exact products: a zero dimension lets the others be anything, and their product must still fit an int.
        System.Numerics.BigInteger count = 1, columns = 1;
        for (int d = 0; d < dimensions.Count; d++)
        {
            ArgumentOutOfRangeException.ThrowIfNegative(dimensions[d], nameof(dimensions));
            count *= dimensions[d];
            if (d > 0) columns *= dimensions[d];
        }
        if (columns > int.MaxValue)
            throw new ArgumentException($"Variable '{name}': dimensions {string.Join(" x ", dimensions)} give {columns} columns, more than {int.MaxValue}.", nameof(dimensions));
        if (count != columnMajorData.Length)
            throw new ArgumentException($"Variable '{name}': dimensions {string.Join(" x ", dimensions)} hold {count} values, data has {columnMajorData.Length}.", nameof(columnMajorData));
        if (arrayClass is MatArrayClass.Cell or MatArrayClass.Struct or MatArrayClass.Object or MatArrayClass.Char or MatArrayClass.Sparse)
            throw new ArgumentException($"Variable '{name}': {arrayClass} is not a dense numeric class.", nameof(arrayClass));
        Dimensions = dimensions.ToArray();
        _columns = (int)columns;
        Data = columnMajorData;
        Class = arrayClass;
        IsLogical = isLogical;
    }

    private readonly int _columns;

    public IReadOnlyList<int> Dimensions { get; }
    /// <summary>All values in column-major order: element (r, c) of a 2-D array is Data[r + c * Rows].</summary>
    public double[] Data { get; }
    public MatArrayClass Class { get; }
    public bool IsLogical { get; }

    public override int Rows => Dimensions[0];
    /// <summary>Columns of a 2-D array; for more dimensions, the product of all but the first (MATLAB's reshape view).</summary>
    public override int Columns => _columns;

    public double this[int row, int column] => Data[row + column * Rows];

    public override string Describe() =>
        $"dense {string.Join(" x ", Dimensions)} {(IsLogical ? "logical" : Class.ToString().ToLowerInvariant())}";

    /// <summary>A 2-D double array from a row-major C# matrix.</summary>
    public static MatDenseArray FromRows(string name, double[,] rows)
    {
        int rowCount = rows.GetLength(0), columnCount = rows.GetLength(1);
        var data = new double[rowCount * columnCount];
        for (int r = 0; r < rowCount; r++)
            for (int c = 0; c < columnCount; c++)
                data[r + c * rowCount] = rows[r, c];
        return new MatDenseArray(name, [rowCount, columnCount], data);
    }
}
