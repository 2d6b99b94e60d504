using Doc2Hash.IO;
namespace Doc2Hash.Data.Formats;

/// <summary>
/// The variables of a MATLAB v5 .mat file (format: MathWorks, "MAT-File Format", Level 5), read with
/// <see cref="Read"/> and written with <see cref="Write"/>. Supports what the document-hashing .mat files use:
/// little-endian files, zlib-compressed elements, dense numeric arrays (double, single, integer, logical) and sparse
/// double matrices. Cell, struct, object and char arrays are skipped and listed in <see cref="SkippedVariables"/>.
/// </summary>
public sealed class MatFile
{
    internal MatFile(string path, string description, IReadOnlyList<MatVariable> variables, IReadOnlyList<string> skippedVariables)
    {
        Path = path;
        Description = description;
        Variables = variables;
        SkippedVariables = skippedVariables;
        ByName = variables.ToDictionary(v => v.Name);
    }

    public string Path { get; }
    /// <summary>The header's descriptive text, e.g. "MATLAB 5.0 MAT-file, Platform: posix, Created on: ...".</summary>
    public string Description { get; }
    /// <summary>The numeric variables in file order.</summary>
    public IReadOnlyList<MatVariable> Variables { get; }
    /// <summary>Names of variables of classes the reader does not load (cell, struct, object, char).</summary>
    public IReadOnlyList<string> SkippedVariables { get; }
    public IReadOnlyDictionary<string, MatVariable> ByName { get; }

    public bool Contains(string name) => ByName.ContainsKey(name);

    public MatVariable this[string name] => ByName.TryGetValue(name, out var variable)
        ? variable
        : throw new KeyNotFoundException($"MATLAB file '{Path}' has no variable '{name}'; it has: {string.Join(", ", ByName.Keys.Order())}.");

    public static MatFile Read(string path) => MatReader.Read(path);

    /// <summary>Writes the variables in order, atomically (temporary file + rename).</summary>
    /// <param name="compress">Wrap each variable in a zlib-compressed element (MATLAB 7 / SciPy's do_compression).</param>
    /// <param name="overwrite">Replace an existing file; by default an existing file is an error.</param>
    public static void Write(string path, IReadOnlyList<MatVariable> variables, bool compress = true, bool overwrite = false) =>
        AtomicFile.Write(path, stream => MatWriter.Write(stream, variables, compress), overwrite);
}
