using Doc2Hash.IO;

namespace Doc2Hash.Data.Formats;

/// <summary>
/// A MATLAB file that cannot be read: truncated, corrupt or using a feature the reader does not support.
/// The message names the file, the variable (when known) and the byte offset where reading stopped.
/// </summary>
public sealed class MatFormatException : DataFormatException
{
    public MatFormatException(string filePath, string? variableName, string offsetDescription, string problem, Exception? inner = null)
        : base(Compose(filePath, variableName, offsetDescription, problem), inner)
    {
        FilePath = filePath;
        VariableName = variableName;
    }

    public string FilePath { get; }
    public string? VariableName { get; }

    private static string Compose(string filePath, string? variableName, string offsetDescription, string problem)
    {
        string variable = variableName is null ? "" : $", variable '{variableName}'";
        return $"Cannot read MATLAB file '{filePath}'{variable}, {offsetDescription}: {problem}";
    }
}
