using System.Reflection;
using System.Text.Json.Serialization;

namespace Doc2Hash.Configuration;

/// <summary>
/// The settings of a configuration record, found by reflection: every public settable property whose type is a
/// number, flag, string or enum is a <see cref="Setting"/>; properties holding records are walked into (their
/// options get the record's <see cref="OptionPrefixAttribute"/> prefix, if any). A nested record that is null in the
/// instance (e.g. the label head of an unsupervised method) contributes nothing. Computed and [JsonIgnore] properties
/// are not settings. Option names must be unique within a record.
/// </summary>
public sealed class SettingsSchema
{
    private SettingsSchema(IReadOnlyList<Setting> settings) => Settings = settings;

    public IReadOnlyList<Setting> Settings { get; }

    public static SettingsSchema Of(object root)
    {
        var settings = new List<Setting>();
        Walk(root, [], "", settings);
        var duplicate = settings.GroupBy(s => s.Name).FirstOrDefault(g => g.Count() > 1);
        if (duplicate is not null)
            throw new InvalidOperationException($"{root.GetType().Name}: option --{duplicate.Key} names {string.Join(" and ", duplicate.Select(s => s.Path))}; give one an [OptionName].");
        return new SettingsSchema(settings);
    }

    public Setting? Find(string name) => Settings.FirstOrDefault(s => s.Name == name);

    /// <summary>The setting called <paramref name="name"/>; an error listing the valid names when there is none.</summary>
    public Setting Get(string name, string owner) => Find(name)
        ?? throw new ArgumentException($"--{name} does not apply to {owner}; its options are: {string.Join(", ", Settings.Select(s => "--" + s.Name))}.");

    /// <summary>
    /// Throws an ArgumentException naming the first number setting of <paramref name="root"/> that is NaN or infinite:
    /// no setting of the kit means anything at a non-finite value, and a NaN learning rate or weight only makes a run
    /// diverge. Parsing already refuses such text (<see cref="OptionValues.Parse"/>); this also catches values set in code.
    /// </summary>
    public void CheckFinite(object root)
    {
        foreach (var setting in Settings)
            if (setting.Get(root) is double value && !double.IsFinite(value))
                throw new ArgumentException($"--{setting.Name} is {OptionValues.Format(value)}; every number setting must be finite.");
    }

    private static void Walk(object record, PropertyInfo[] path, string prefix, List<Setting> settings)
    {
        foreach (var property in record.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance)
                     .OrderBy(p => Depth(p.DeclaringType!)).ThenBy(p => p.MetadataToken))   // base record's settings first, then declaration order
        {
            if (property.SetMethod is not { IsPublic: true } || property.GetIndexParameters().Length > 0) continue;
            if (property.GetCustomAttribute<JsonIgnoreAttribute>() is not null || property.Name == "EqualityContract") continue;
            PropertyInfo[] here = [.. path, property];
            if (IsLeaf(property.PropertyType))
            {
                string own = property.GetCustomAttribute<OptionNameAttribute>()?.Name ?? OptionValues.Kebab(property.Name);
                settings.Add(new Setting(prefix.Length == 0 ? own : $"{prefix}-{own}", here));
            }
            else if (property.GetValue(record) is { } nested)
            {
                string? own = property.GetCustomAttribute<OptionPrefixAttribute>()?.Prefix;
                Walk(nested, here, own is null ? prefix : prefix.Length == 0 ? own : $"{prefix}-{own}", settings);
            }
        }
    }

    private static int Depth(Type type) => type.BaseType is null ? 0 : 1 + Depth(type.BaseType);

    private static bool IsLeaf(Type type) =>
        type.IsEnum || type == typeof(int) || type == typeof(long) || type == typeof(double) || type == typeof(bool) || type == typeof(string);
}
