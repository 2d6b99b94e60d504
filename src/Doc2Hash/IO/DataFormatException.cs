namespace Doc2Hash.IO;

/// <summary>
/// A file the kit reads (a corpus, a dataset file, the processed cache, a checkpoint, packed codes) is not what it
/// claims to be: malformed, damaged, or valid in form but unusable. The one base type of the kit's data errors, so
/// callers (the CLI, the fuzz tests) can tell "this input is bad" from a bug. The message always names the file and,
/// where it can, the line or byte offset, and says how to fix the input. An <see cref="IOException"/> (as
/// <see cref="Doc2Hash.Data.Acquisition.DataSourceException"/> for missing or damaged sources), since
/// <see cref="InvalidDataException"/> is sealed.
/// </summary>
public class DataFormatException : IOException
{
    public DataFormatException(string message, Exception? inner = null) : base(message, inner) { }
}
