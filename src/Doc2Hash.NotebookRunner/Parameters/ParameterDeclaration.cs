namespace Doc2Hash.NotebookRunner.Parameters;

/// <summary>A variable declared in a notebook's parameters cell: its name and its C# type as written.</summary>
public sealed record ParameterDeclaration(string Name, string Type);
