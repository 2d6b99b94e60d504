using System.Text.Json.Nodes;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Hashing.Neural;

namespace Doc2Hash.Experiments;

/// <summary>
/// Reads config.json files written before method settings became per-method records. Those held "Model",
/// "LabelHead" and "Training" at the top level and could only describe Doc2hash / Doc2hash-S; they become
/// "Settings": { "$type": "NeuralSettings(Doc2HashConfig)", Model, LabelHead, Training }. Properties that no longer
/// exist (Training.ShowProgress) are ignored by the reader, as any unknown property is.
/// </summary>
public static class LegacyRunConfig
{
    /// <summary>Rewrites a legacy config node in place into the current shape; current configs pass unchanged.</summary>
    public static JsonNode Upgrade(JsonNode config)
    {
        if (config is not JsonObject root || root.ContainsKey(nameof(RunConfig.Settings)) || !root.ContainsKey("Model")) return config;
        var settings = new JsonObject { [MethodSettingsConverter.TypeProperty] = MethodSettings.KindOf(typeof(NeuralSettings<Doc2HashConfig>)) };
        foreach (string part in new[] { "Model", "LabelHead", "Training" })
        {
            var node = root[part];
            root.Remove(part);
            settings[part] = node;
        }
        root[nameof(RunConfig.Settings)] = settings;
        return root;
    }
}
