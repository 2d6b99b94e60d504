using System.Globalization;
using Microsoft.CodeAnalysis.CSharp;

namespace Doc2Hash.NotebookRunner.Parameters;

/// <summary>
/// Turns a command-line value (<c>-p name=value</c>) into a C# expression of the declared parameter type.
/// Numbers are parsed and re-written with the invariant culture (so "0.5" means one half everywhere), strings become
/// escaped literals, arrays take comma-separated items, nullable types accept <c>null</c>.
/// </summary>
public static class ParameterValueFormatter
{
    public static string Format(ParameterDeclaration parameter, string value)
    {
        string type = parameter.Type.Replace(" ", "", StringComparison.Ordinal);
        if (type.EndsWith('?'))
            return value == "null" ? "null" : Format(parameter with { Type = type[..^1] }, value);
        if (type.EndsWith("[]", StringComparison.Ordinal))
        {
            var element = parameter with { Type = type[..^2] };
            var items = value.Length == 0 ? [] : value.Split(',').Select(item => Format(element, item.Trim()));
            return $"new {type} {{ {string.Join(", ", items)} }}";
        }
        return type switch
        {
            "string" or "String" or "System.String" => SymbolDisplay.FormatLiteral(value, quote: true),
            "bool" or "Boolean" or "System.Boolean" => Parse<bool>(parameter, value, bool.TryParse, b => b ? "true" : "false"),
            "int" or "Int32" or "System.Int32" => Parse(parameter, value, (string s, out int v) => int.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v), v => v.ToString(CultureInfo.InvariantCulture)),
            "long" or "Int64" or "System.Int64" => Parse(parameter, value, (string s, out long v) => long.TryParse(s, NumberStyles.Integer, CultureInfo.InvariantCulture, out v), v => v.ToString(CultureInfo.InvariantCulture) + "L"),
            "double" or "Double" or "System.Double" => Parse(parameter, value, (string s, out double v) => double.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && double.IsFinite(v), DoubleLiteral),
            "float" or "Single" or "System.Single" => Parse(parameter, value, (string s, out float v) => float.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v) && float.IsFinite(v), v => v.ToString("R", CultureInfo.InvariantCulture) + "f"),
            "decimal" or "Decimal" or "System.Decimal" => Parse(parameter, value, (string s, out decimal v) => decimal.TryParse(s, NumberStyles.Float, CultureInfo.InvariantCulture, out v), v => v.ToString(CultureInfo.InvariantCulture) + "m"),
            _ => throw new ParameterException(
                $"Parameter '{parameter.Name}' has type {parameter.Type}, which the runner cannot inject; use string, bool, int, long, " +
                "float, double, decimal, a nullable of one of them, or an array of them (comma-separated on the command line)."),
        };
    }

    private delegate bool TryParse<T>(string text, out T value);

    private static string Parse<T>(ParameterDeclaration parameter, string value, TryParse<T> tryParse, Func<T, string> write) =>
        tryParse(value, out var parsed)
            ? write(parsed)
            : throw new ParameterException(
                $"Parameter '{parameter.Name}' is declared {parameter.Type} in the parameters cell, but the value \"{value}\" is not a {parameter.Type} " +
                "(numbers use a dot as decimal separator; booleans are true or false).");

    /// <summary>Round-trip form that always reads back as a double (1 becomes 1.0, not the int 1).</summary>
    private static string DoubleLiteral(double value)
    {
        string text = value.ToString("R", CultureInfo.InvariantCulture);
        return text.Contains('.') || text.Contains('E') ? text : text + ".0";
    }
}
