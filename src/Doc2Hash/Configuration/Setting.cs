using System.ComponentModel;
using System.Reflection;

namespace Doc2Hash.Configuration;

/// <summary>
/// One leaf value of a settings record (a number, flag or enum, possibly inside nested records), with the
/// command-line name and help text derived from the record itself: the record is the single source of truth,
/// the CLI only lists what this describes.
/// </summary>
public sealed class Setting
{
    private readonly PropertyInfo[] path;

    internal Setting(string name, PropertyInfo[] path)
    {
        Name = name;
        this.path = path;
        var leaf = path[^1];
        Description = leaf.GetCustomAttribute<DescriptionAttribute>()?.Description
            ?? throw new InvalidOperationException($"Setting {Path} has no [Description]; every setting needs help text.");
    }

    /// <summary>Option name without dashes, e.g. "kl-form".</summary>
    public string Name { get; }

    /// <summary>Property path inside the settings record, e.g. "Model.Temperature.Rate".</summary>
    public string Path => string.Join(".", path.Select(p => p.Name));

    public Type Type => path[^1].PropertyType;

    /// <summary>Help text from the property's [Description].</summary>
    public string Description { get; }

    /// <summary>The accepted spellings when the setting is an enum; empty otherwise.</summary>
    public IReadOnlyList<string> Choices => Type.IsEnum ? OptionValues.Spellings(Type) : [];

    /// <summary>The value in <paramref name="root"/> (the settings record this setting was derived from).</summary>
    public object? Get(object root)
    {
        object? value = root;
        foreach (var property in path) value = property.GetValue(value);
        return value;
    }

    /// <summary>The value in <paramref name="root"/> as command-line text.</summary>
    public string Format(object root) => OptionValues.Format(Get(root));

    /// <summary>A copy of <paramref name="root"/> with this setting replaced; every record on the path is copied, none mutated.</summary>
    public T With<T>(T root, object value) where T : notnull => (T)With(root, 0, value);

    /// <summary>A copy of <paramref name="root"/> with this setting parsed from command-line text.</summary>
    public T WithText<T>(T root, string text) where T : notnull
    {
        try
        {
            return With(root, OptionValues.Parse(text, Type));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"--{Name}: {e.Message}", e);
        }
    }

    private object With(object record, int depth, object value)
    {
        var copy = Clone(record);
        var property = path[depth];
        property.SetValue(copy, depth == path.Length - 1 ? value : With(property.GetValue(record)!, depth + 1, value));
        return copy;
    }

    /// <summary>Records are copied with their compiler-generated clone method (what <c>with</c> calls).</summary>
    private static object Clone(object record)
    {
        var clone = record.GetType().GetMethod("<Clone>$", BindingFlags.Public | BindingFlags.Instance)
            ?? throw new InvalidOperationException($"{record.GetType().Name} is not a record; settings must be records.");
        return clone.Invoke(record, null)!;
    }
}
