namespace Doc2Hash.Configuration;

/// <summary>
/// The command-line name of a settings property (instead of its kebab-cased property name, e.g. "lr" for
/// LearningRate), or the command-line spelling of an enum member (e.g. "authors" for KlForm.AuthorsFlatSoftmax).
/// JSON keeps the C# names, so run folders written before an option was renamed still read.
/// </summary>
[AttributeUsage(AttributeTargets.Property | AttributeTargets.Field)]
public sealed class OptionNameAttribute(string name) : Attribute
{
    public string Name { get; } = name;
}

/// <summary>
/// Marks a nested settings record whose options carry a prefix, e.g. Temperature with prefix "tau" gives --tau-rate.
/// Nested records without it are flattened (their options keep their own names).
/// </summary>
[AttributeUsage(AttributeTargets.Property)]
public sealed class OptionPrefixAttribute(string prefix) : Attribute
{
    public string Prefix { get; } = prefix;
}
