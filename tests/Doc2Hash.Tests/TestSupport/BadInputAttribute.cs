namespace Doc2Hash.Tests.TestSupport;

/// <summary>
/// Marks a test as one case of the catalogue of bad inputs and faults (environment.md, "Bad inputs and faults: the
/// catalogue"), which <see cref="Catalogue.BadInputCatalogueTests"/> generates from these attributes: what goes wrong
/// (<paramref name="area"/>, <paramref name="input"/>) and the error the kit gives (<paramref name="error"/>). A theory
/// whose rows are different cases carries one attribute per row.
/// </summary>
[AttributeUsage(AttributeTargets.Method, AllowMultiple = true)]
public sealed class BadInputAttribute(string area, string input, string error) : Attribute
{
    /// <summary>The reader or component, e.g. "CSV corpus", "checkpoint", "AtomicFile".</summary>
    public string Area { get; } = area;

    /// <summary>The bad input or fault, e.g. "a Latin-1 file read as UTF-8".</summary>
    public string Input { get; } = input;

    /// <summary>The error type and the gist of its message.</summary>
    public string Error { get; } = error;
}
