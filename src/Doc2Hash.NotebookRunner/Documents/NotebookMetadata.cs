using System.Text.Json.Nodes;

namespace Doc2Hash.NotebookRunner.Documents;

/// <summary>
/// The notebook and cell metadata that both VS Code (Polyglot Notebooks) and Jupyter (the .NET Interactive
/// kernelspec ".net-csharp") accept; VS Code writes exactly this for a C# notebook (see environment.md, "Notebooks").
/// </summary>
public static class NotebookMetadata
{
    public const int Format = 4;

    /// <summary>4.5 introduced cell ids, which Jupyter and GitHub expect from current notebooks.</summary>
    public const int FormatMinor = 5;

    public const string KernelspecName = ".net-csharp";

    public static JsonObject Kernelspec() => new()
    {
        ["display_name"] = ".NET (C#)",
        ["language"] = "C#",
        ["name"] = KernelspecName,
    };

    public static JsonObject LanguageInfo() => new() { ["name"] = "polyglot-notebook" };

    public static JsonObject PolyglotNotebook() => new()
    {
        ["kernelInfo"] = new JsonObject
        {
            ["defaultKernelName"] = "csharp",
            ["items"] = new JsonArray(new JsonObject { ["aliases"] = new JsonArray(), ["name"] = "csharp" }),
        },
    };

    /// <summary>Per code cell: the language for Jupyter's .NET kernel and the kernel name for VS Code.</summary>
    public static JsonObject CodeCell() => new()
    {
        ["dotnet_interactive"] = new JsonObject { ["language"] = "csharp" },
        ["polyglot_notebook"] = new JsonObject { ["kernelName"] = "csharp" },
    };
}
