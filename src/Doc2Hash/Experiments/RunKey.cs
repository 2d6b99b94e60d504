using System.Security.Cryptography;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;

namespace Doc2Hash.Experiments;

/// <summary>
/// A stable identity of a run: SHA-256 of the canonical JSON of its full configuration (object keys sorted
/// ordinally, no white space, enums by name, as config.json stores them), data fingerprint included. Identical
/// configurations give the same key, so the study grid maps them to one run, and a record found anywhere (runs/ or
/// the committed results/runs/) is recognised. Settings that cannot change a result (whether a progress bar is
/// drawn) are left out.
/// </summary>
public static class RunKey
{
    /// <summary>Presentation-only settings, as JSON paths, left out of the key.</summary>
    public static IReadOnlyList<string> Ignored { get; } = ["Training.ShowProgress"];

    /// <summary>The key: 16 hex digits (64 bits) of the SHA-256 of <see cref="CanonicalJson"/>.</summary>
    public static string Of(RunConfig config) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(CanonicalJson(config))))[..16];

    /// <summary>The key of the configuration with seed and data fingerprint removed: which row of a table a run belongs to.</summary>
    public static string OfSetting(RunConfig config) =>
        Of(config with { DataFingerprint = null, Training = config.Training with { Seed = 0 } });

    /// <summary>The configuration as canonical JSON (sorted keys, compact), without <see cref="Ignored"/> settings.</summary>
    public static string CanonicalJson(RunConfig config)
    {
        ArgumentNullException.ThrowIfNull(config);
        var node = JsonSerializer.SerializeToNode(config, RunFolder.Json)!.AsObject();
        foreach (string path in Ignored) Remove(node, path.Split('.'));
        return Sorted(node)!.ToJsonString();
    }

    private static void Remove(JsonObject node, string[] path)
    {
        for (int i = 0; i < path.Length - 1; i++)
        {
            if (node[path[i]] is not JsonObject child) return;
            node = child;
        }
        node.Remove(path[^1]);
    }

    private static JsonNode? Sorted(JsonNode? node) => node switch
    {
        JsonObject o => new JsonObject(o.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, Sorted(p.Value)))),
        JsonArray a => new JsonArray([.. a.Select(Sorted)]),
        null => null,
        _ => node.DeepClone(),
    };
}
