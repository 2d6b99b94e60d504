using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Doc2Hash.Configuration;

namespace Doc2Hash.Experiments;

/// <summary>
/// A stable identity of a run: SHA-256 of the canonical JSON of its full configuration (object keys sorted
/// ordinally, no white space, enums by name, as config.json stores them), data fingerprint included. Identical
/// configurations give the same key, so the study grid maps them to one run, and a record found anywhere (runs/ or
/// the committed results/runs/) is recognised.
/// </summary>
public static class RunKey
{
    /// <summary>The key: 16 hex digits (64 bits) of the SHA-256 of <see cref="CanonicalJson"/>.</summary>
    public static string Of(RunConfig config) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson(config))))[..16];

    /// <summary>The key of the configuration with seed and data fingerprint removed: which row of a table a run belongs to.</summary>
    public static string OfSetting(RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var seed = SettingsSchema.Of(config.Settings).Get(StudySeedOption, $"method '{config.Method}'");
        return Of(config with { DataFingerprint = null, Settings = seed.With(config.Settings, 0) });
    }

    private const string StudySeedOption = "seed";

    /// <summary>The configuration as canonical JSON (sorted keys, compact).</summary>
    public static string CanonicalJson(RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        return Sorted(JsonSerializer.SerializeToNode(config, RunFolder.Json))!.ToJsonString();
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };
}
