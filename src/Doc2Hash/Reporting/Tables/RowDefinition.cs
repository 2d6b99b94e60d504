using Doc2Hash.Experiments;

namespace Doc2Hash.Reporting.Tables;

/// <summary>What a table row shows (label and settings) and which finished runs belong to it.</summary>
public sealed record RowDefinition(string Label, string Settings, Func<RunRecord, bool> Matches);
