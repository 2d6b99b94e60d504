namespace Doc2Hash.Data.Formats;

/// <summary>A named array in a MATLAB v5 file: a dense numeric array or a sparse matrix.</summary>
public abstract class MatVariable
{
    protected MatVariable(string name)
    {
        ArgumentNullException.ThrowIfNull(name);
        Name = name;
    }

    public string Name { get; }

    /// <summary>Size along the first two dimensions (MATLAB arrays have at least two).</summary>
    public abstract int Rows { get; }
    public abstract int Columns { get; }

    /// <summary>A short description for messages, e.g. "sparse 3 x 4 double".</summary>
    public abstract string Describe();
}
