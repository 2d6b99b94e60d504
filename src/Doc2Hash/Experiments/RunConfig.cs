using System.Text.Json.Serialization;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Training;

namespace Doc2Hash.Experiments;

/// <summary>
/// Everything needed to repeat a neural run, stored as the run folder's config.json: method, dataset name,
/// model, label head (supervised methods), trainer options (incl. the seed), device and the data fingerprint.
/// </summary>
public sealed record RunConfig(
    string Method,
    string Dataset,
    Doc2HashConfig Model,
    LabelHeadConfig? LabelHead,
    TrainerOptions Training,
    string Device = "cpu",
    string? DataFingerprint = null)
{
    [JsonIgnore] public int Bits => Model.Bits;
    [JsonIgnore] public int Seed => Training.Seed;

    /// <summary>A run of <paramref name="preset"/> on <paramref name="dataset"/>.</summary>
    public static RunConfig From(MethodPreset preset, string dataset) =>
        new(preset.Method, dataset, preset.Model, preset.LabelHead, preset.Training);
}
