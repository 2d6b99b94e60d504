using System.Text.Json.Serialization;
using Doc2Hash.Configuration;
using Doc2Hash.Experiments.Methods;

namespace Doc2Hash.Experiments;

/// <summary>
/// Everything needed to repeat a run, stored as the run folder's config.json: the catalog method, the dataset name,
/// the method's settings (its own record, tagged with "$type"), the device and the data fingerprint. Build one with
/// <see cref="MethodCatalog.Configure"/>. Folders written before settings were per-method still read
/// (<see cref="LegacyRunConfig"/>).
/// </summary>
public sealed record RunConfig(
    string Method,
    string Dataset,
    MethodSettings Settings,
    string Device = "cpu",
    string? DataFingerprint = null)
{
    [JsonIgnore] public int Bits => Settings.Bits;
    [JsonIgnore] public int Seed => Settings.Seed;
    [JsonIgnore] public int K => Settings.K;

    /// <summary>The value of a command-line option in these settings (e.g. "kl-form" -> "authors"), or null when the method has no such option.</summary>
    public string? Option(string name) => SettingsSchema.Of(Settings).Find(name)?.Format(Settings);
}
