using System.ComponentModel;
using System.Text.Json.Serialization;
using Doc2Hash.Configuration;
using Doc2Hash.Hashing.Neural;
using Doc2Hash.Training;

namespace Doc2Hash.Experiments.Methods;

/// <summary>
/// Everything a method needs to run apart from the data: a record per kind of method, stored in config.json with a
/// "$type" naming it (<see cref="MethodSettingsConverter"/>). Every method has a code length, a seed and the K of the
/// precision@K it reports; the rest is its own. Command-line options are derived from these records
/// (Doc2Hash.Configuration.SettingsSchema), so a settings record is the single source of its options and help.
/// </summary>
public abstract record MethodSettings
{
    [JsonIgnore] public abstract int Bits { get; }
    [JsonIgnore] public abstract int Seed { get; }
    [JsonIgnore] public abstract int K { get; }

    /// <summary>Throws an ArgumentException naming the first invalid value.</summary>
    public abstract void Validate();

    /// <summary>The "$type" written for a settings type: its name, generic arguments in parentheses ("NeuralSettings(VdshConfig)").</summary>
    public static string KindOf(Type type) => type.IsGenericType
        ? $"{type.Name[..type.Name.IndexOf('`')]}({string.Join(",", type.GetGenericArguments().Select(KindOf))})"
        : type.Name;
}

/// <summary>What the experiment runner needs from any neural method's settings: the trainer's options.</summary>
public interface INeuralSettings
{
    TrainerOptions Training { get; }
}

/// <summary>
/// A neural method's settings: its model (<typeparamref name="TModel"/>), the label head of supervised variants (null
/// for unsupervised ones) and the trainer's options. The shape is the one config.json always had for Doc2hash
/// (Model, LabelHead, Training), now under "Settings".
/// </summary>
public sealed record NeuralSettings<TModel>(TModel Model, LabelHeadConfig? LabelHead, TrainerOptions Training) : MethodSettings, INeuralSettings
    where TModel : NeuralModelConfig
{
    [JsonIgnore] public override int Bits => Model.Bits;
    [JsonIgnore] public override int Seed => Training.Seed;
    [JsonIgnore] public override int K => Training.K;

    public override void Validate()
    {
        Model.Validate();
        Training.Validate();
        if (LabelHead is { WeightStep: < 0 } or { MaxWeight: < 0 })
            throw new ArgumentException($"The label-loss weight step and maximum must not be negative (got {LabelHead.WeightStep}, {LabelHead.MaxWeight}).");
    }
}

/// <summary>What the runner needs from the options record of a method fitted in one pass: its code length and seed.</summary>
public interface IFittedOptions
{
    int Bits { get; }
    int Seed { get; }
}

/// <summary>
/// A fitted method's settings: its own options record (<typeparamref name="TOptions"/>, e.g. the classic methods'
/// LshOptions) and the K of the precision@K its run reports on validation and test.
/// </summary>
public sealed record FittedSettings<TOptions>(TOptions Options) : MethodSettings
    where TOptions : IFittedOptions
{
    [Description("K of precision@K reported on validation and test.")]
    [OptionName("k")]
    public int PrecisionDepth { get; init; } = 100;

    [JsonIgnore] public override int Bits => Options.Bits;
    [JsonIgnore] public override int Seed => Options.Seed;
    [JsonIgnore] public override int K => PrecisionDepth;

    /// <summary>The shared values; each method's Fit checks its own (and says which is wrong).</summary>
    public override void Validate()
    {
        if (Bits < 1) throw new ArgumentException($"Bits must be at least 1 (got {Bits}).");
        if (PrecisionDepth < 1) throw new ArgumentException($"K must be at least 1 (got {PrecisionDepth}).");
    }
}
