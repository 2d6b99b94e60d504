using System.Text.Json.Nodes;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Hashing.Relaxations;

namespace Doc2Hash.Experiments;

/// <summary>
/// Reads config.json files written before method settings became per-method records. Those held "Model",
/// "LabelHead" and "Training" at the top level and could only describe Doc2hash / Doc2hash-S; they become
/// "Settings": { "$type": "NeuralSettings(Doc2HashConfig)", Model, LabelHead, Training }. Properties that no longer
/// exist (Training.ShowProgress) are ignored by the reader, as any unknown property is.
/// <para>
/// Doc2hash's gradient estimator was once "Sampling", a <c>GumbelMode</c> ("StraightThrough" or "Soft"); it is now
/// <see cref="Doc2HashConfig.Estimator"/> (<see cref="LatentEstimator"/>), so "Sampling" becomes "Estimator" with the
/// same meaning (without this an old soft-sample run would silently read as the default straight-through one).
/// </para>
/// </summary>
public static class LegacyRunConfig
{
    /// <summary>Rewrites a legacy config node in place into the current shape; current configs pass unchanged.</summary>
    public static JsonNode Upgrade(JsonNode config) => UpgradeSampling(UpgradeTopLevel(config));

    private static JsonNode UpgradeTopLevel(JsonNode config)
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

    /// <summary>The legacy Doc2hash "Sampling" value (a GumbelMode name) and the estimator it meant.</summary>
    private static readonly Dictionary<string, LatentEstimator> SamplingMeant = new(StringComparer.Ordinal)
    {
        ["StraightThrough"] = LatentEstimator.StraightThroughGumbel,
        ["Soft"] = LatentEstimator.SoftGumbel,
    };

    private static JsonNode UpgradeSampling(JsonNode config)
    {
        if (config is not JsonObject root || root[nameof(RunConfig.Settings)]?["Model"] is not JsonObject model || !model.ContainsKey(LegacySampling)) return config;
        var sampling = model[LegacySampling]?.GetValue<string>();
        model.Remove(LegacySampling);
        if (!model.ContainsKey(nameof(Doc2HashConfig.Estimator)))
            model[nameof(Doc2HashConfig.Estimator)] = sampling is not null && SamplingMeant.TryGetValue(sampling, out var estimator)
                ? estimator.ToString()
                : throw new IO.DataFormatException($"Unknown legacy Doc2hash sampling '{sampling}' in config.json: expected {string.Join(" or ", SamplingMeant.Keys)}.");
        return root;
    }

    private const string LegacySampling = "Sampling";
}
