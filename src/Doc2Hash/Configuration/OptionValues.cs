using System.Globalization;
using System.Reflection;

namespace Doc2Hash.Configuration;

/// <summary>
/// How setting values are written and read on the command line and in tables: invariant numbers (round-trip
/// precision), true/false, and enum members by their <see cref="OptionNameAttribute"/> spelling or, without one, their
/// kebab-cased name (PerBit -> per-bit). The one place an enum's command-line names are defined.
/// </summary>
public static class OptionValues
{
    public static string Format(object? value) => value switch
    {
        null => "",
        double d => d.ToString("R", CultureInfo.InvariantCulture),
        float f => f.ToString("R", CultureInfo.InvariantCulture),
        bool b => b ? "true" : "false",
        Enum e => Spelling(e),
        IFormattable f => f.ToString(null, CultureInfo.InvariantCulture),
        _ => value.ToString() ?? "",
    };

    /// <summary>Reads <paramref name="text"/> as a value of <paramref name="type"/>; bad text gives an error naming what is accepted.</summary>
    public static object Parse(string text, Type type)
    {
        text = text.Trim();
        if (type.IsEnum)
            return Enum.GetValues(type).Cast<Enum>().FirstOrDefault(e => Spelling(e) == text.ToLowerInvariant())
                ?? throw new ArgumentException($"'{text}' is not one of {string.Join(", ", Spellings(type))}.");
        try
        {
            return type switch
            {
                _ when type == typeof(int) => int.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
                _ when type == typeof(long) => long.Parse(text, NumberStyles.Integer, CultureInfo.InvariantCulture),
                _ when type == typeof(double) => Finite(double.Parse(text, NumberStyles.Float, CultureInfo.InvariantCulture), text),
                _ when type == typeof(bool) => bool.Parse(text),
                _ when type == typeof(string) => text,
                _ => throw new NotSupportedException($"Settings of type {type.Name} have no text form."),
            };
        }
        catch (Exception e) when (e is FormatException or OverflowException)
        {
            throw new ArgumentException($"'{text}' is not a valid {Describe(type)}.", e);
        }
    }

    /// <summary>NaN and infinities parse as numbers but are never a valid setting (a NaN learning rate trains to chance).</summary>
    private static double Finite(double value, string text) => double.IsFinite(value) ? value
        : throw new ArgumentException($"'{text}' is not a finite number; NaN and infinities are never valid settings. Give a finite number.");

    public static TEnum Parse<TEnum>(string text) where TEnum : struct, Enum => (TEnum)Parse(text, typeof(TEnum));

    /// <summary>The command-line spelling of an enum member.</summary>
    public static string Spelling(Enum value)
    {
        var field = value.GetType().GetField(value.ToString(), BindingFlags.Public | BindingFlags.Static);
        return field?.GetCustomAttribute<OptionNameAttribute>()?.Name ?? Kebab(value.ToString());
    }

    /// <summary>Every spelling of an enum type, in declaration order.</summary>
    public static IReadOnlyList<string> Spellings(Type enumType) => Enum.GetValues(enumType).Cast<Enum>().Select(Spelling).ToArray();

    /// <summary>PascalCase to kebab-case: LearningRate -> learning-rate, K -> k.</summary>
    public static string Kebab(string name)
    {
        var chars = new List<char>(name.Length + 4);
        for (int i = 0; i < name.Length; i++)
        {
            if (char.IsUpper(name[i]) && i > 0 && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]))) chars.Add('-');
            chars.Add(char.ToLowerInvariant(name[i]));
        }
        return new string([.. chars]);
    }

    private static string Describe(Type type) =>
        type == typeof(int) || type == typeof(long) ? "whole number" : type == typeof(double) ? "number" : type == typeof(bool) ? "true/false value" : type.Name;
}
