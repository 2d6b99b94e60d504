using System.Text.Json;
using System.Text.Json.Nodes;

namespace Doc2Hash.Experiments;

/// <summary>One setting of a run that differs from a reference configuration (e.g. the method's preset).</summary>
/// <param name="Name">The setting's JSON path without its top-level group, e.g. "KlForm", "Temperature.Every", "Epochs".</param>
/// <param name="Value">The run's value as JSON text (strings unquoted).</param>
public readonly record struct ConfigDifference(string Name, string Value)
{
    public override string ToString() => $"{Name}={Value}";
}

/// <summary>
/// Which settings of a run differ from a reference configuration, compared leaf by leaf on the JSON that
/// config.json stores. Tables use it to show every hyperparameter that differs from the method's preset, and to tell
/// a study's main runs (no difference from the profile's configuration) from ablation variants.
/// </summary>
public static class ConfigDifferences
{
    /// <summary>Settings that identify a run rather than a hyperparameter: never listed.</summary>
    public static IReadOnlyList<string> Identity { get; } = ["Method", "Dataset", "DataFingerprint", "Device", "Training.Seed", "Model.Bits"];

    /// <summary>Every leaf of <paramref name="run"/> whose value differs from <paramref name="reference"/>, in path order.</summary>
    public static IReadOnlyList<ConfigDifference> Between(RunConfig reference, RunConfig run)
    {
        var expected = Leaves(reference);
        return [.. Leaves(run)
            .Where(kv => !expected.TryGetValue(kv.Key, out var value) || value != kv.Value)
            .OrderBy(kv => kv.Key, StringComparer.Ordinal)
            .Select(kv => new ConfigDifference(ShortName(kv.Key), kv.Value))];
    }

    /// <summary>"KlForm=AuthorsFlatSoftmax, Epochs=30", or "preset" when nothing differs.</summary>
    public static string Describe(IReadOnlyList<ConfigDifference> differences) =>
        differences.Count == 0 ? "preset" : string.Join(", ", differences);

    private static string ShortName(string path)
    {
        int dot = path.IndexOf('.', StringComparison.Ordinal);
        return dot < 0 ? path : path[(dot + 1)..];
    }

    private static Dictionary<string, string> Leaves(RunConfig config)
    {
        var leaves = new Dictionary<string, string>(StringComparer.Ordinal);
        Collect(JsonSerializer.SerializeToNode(config, RunFolder.Json), "", leaves);
        foreach (string path in Identity.Concat(RunKey.Ignored)) leaves.Remove(path);
        return leaves;
    }

    private static void Collect(JsonNode? node, string path, Dictionary<string, string> leaves)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o) Collect(value, path.Length == 0 ? key : $"{path}.{key}", leaves);
                break;
            case JsonValue v when v.TryGetValue<string>(out var text):
                leaves[path] = text;
                break;
            default:
                leaves[path] = node?.ToJsonString() ?? "null";
                break;
        }
    }
}
