namespace Doc2Hash.NotebookRunner.Documents;

/// <summary>A notebook file that is not a usable nbformat 4 notebook; the message says where and how to fix it.</summary>
public sealed class NotebookFormatException(string message) : Exception(message);
