using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.Json.Serialization;

namespace Doc2Hash.Experiments.Methods;

/// <summary>
/// Writes a <see cref="MethodSettings"/> as its concrete record with a leading "$type" (<see cref="MethodSettings.KindOf"/>),
/// and reads it back by looking the type up in the <see cref="MethodCatalog"/> at read time, so methods registered
/// after start-up (tests, notebooks) round-trip too. Unknown properties are ignored, as everywhere in run folders.
/// </summary>
public sealed class MethodSettingsConverter : JsonConverter<MethodSettings>
{
    public const string TypeProperty = "$type";

    public override MethodSettings Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        using var document = JsonDocument.ParseValue(ref reader);
        if (!document.RootElement.TryGetProperty(TypeProperty, out var kind) || kind.ValueKind != JsonValueKind.String)
            throw new JsonException($"Method settings need a \"{TypeProperty}\" naming their kind.");
        try
        {
            var type = MethodCatalog.SettingsTypeOf(kind.GetString()!);
            return (MethodSettings)(document.RootElement.Deserialize(type, options) ?? throw new JsonException("Method settings are null."));
        }
        catch (ArgumentException e)
        {
            throw new JsonException(e.Message, e);
        }
    }

    public override void Write(Utf8JsonWriter writer, MethodSettings value, JsonSerializerOptions options)
    {
        var body = JsonSerializer.SerializeToNode(value, value.GetType(), options)!.AsObject();
        var tagged = new JsonObject { [TypeProperty] = MethodSettings.KindOf(value.GetType()) };
        foreach (var (name, node) in body.ToList())
        {
            body.Remove(name);
            tagged[name] = node;
        }
        tagged.WriteTo(writer, options);
    }
}
