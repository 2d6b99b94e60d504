namespace Doc2Hash.NotebookRunner.Parameters;

/// <summary>A parameter that cannot be injected (unknown name, value of the wrong type); the message says how to fix it.</summary>
public sealed class ParameterException(string message) : Exception(message);
