namespace Doc2Hash.Hashing.Classic;

/// <summary>
/// Eigenvectors and singular vectors are defined up to sign, and LAPACK's choice can change with the library build or
/// the random start of an iterative solver. Fixing the sign (largest-magnitude entry positive, first such entry on a
/// tie) makes fitted models repeatable; codes would otherwise flip whole bits.
/// </summary>
internal static class SignConvention
{
    /// <summary>Flips each column of a row-major (rows x columns) matrix so that its largest-magnitude entry is positive.</summary>
    public static void MakeLargestEntryPositive(double[] matrix, int rows, int columns)
    {
        for (int c = 0; c < columns; c++)
        {
            int best = 0;
            for (int r = 1; r < rows; r++)
                if (Math.Abs(matrix[(long)r * columns + c]) > Math.Abs(matrix[(long)best * columns + c])) best = r;
            if (matrix[(long)best * columns + c] >= 0) continue;
            for (int r = 0; r < rows; r++) matrix[(long)r * columns + c] = -matrix[(long)r * columns + c];
        }
    }
}
