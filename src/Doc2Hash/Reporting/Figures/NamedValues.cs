namespace Doc2Hash.Reporting.Figures;

/// <summary>A named list of numbers: one curve per epoch, or one sample to histogram.</summary>
public sealed record NamedValues(string Name, IReadOnlyList<double> Values);
