namespace Doc2Hash.Data.Acquisition;

/// <summary>
/// A corpus source file is missing, unreachable or damaged. The message always names the file, where it was
/// looked for, and how to fix it.
/// </summary>
public sealed class DataSourceException : IOException
{
    public DataSourceException(string message, Exception? inner = null) : base(message, inner) { }
}
