using System.ComponentModel;
using System.Text.Json.Serialization;
using Doc2Hash.Configuration;
using Doc2Hash.Hashing;
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
    /// <summary>
    /// The longest code any method accepts. The literature uses 8-128 bits; at 1,024 bits Doc2hash already has 2,048
    /// logits per document, and far longer codes only make a run slow (100,000 bits ran for minutes without an epoch).
    /// </summary>
    public const int MaxBits = 1024;

    [JsonIgnore] public abstract int Bits { get; }
    [JsonIgnore] public abstract int Seed { get; }
    [JsonIgnore] public abstract int K { get; }

    /// <summary>
    /// Throws an ArgumentException naming the first invalid value by its option: first what every method shares (a code
    /// length of 1 to <see cref="MaxBits"/> bits, every number finite: a NaN or infinite learning rate or weight only
    /// makes a run diverge), then the method's own checks (<see cref="ValidateOwn"/>). Called before anything is created.
    /// </summary>
    public void Validate()
    {
        if (Bits is < 1 or > MaxBits)
            throw new ArgumentException($"--bits must be from 1 to {MaxBits} (got {Bits}); the literature uses 8 to 128 bits.");
        SettingsSchema.Of(this).CheckFinite(this);
        ValidateOwn();
    }

    /// <summary>The method's own checks; throws an ArgumentException naming the first invalid value.</summary>
    protected abstract void ValidateOwn();

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

    protected override void ValidateOwn()
    {
        Model.Validate();
        Training.Validate();
        if (LabelHead is { WeightStep: < 0 } or { MaxWeight: < 0 })
            throw new ArgumentException($"--label-weight-step and --label-weight-max must not be negative (got {LabelHead.WeightStep}, {LabelHead.MaxWeight}).");
    }
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

    /// <summary>The shared values (bits are checked by the base); each method's Fit checks its own (and says which is wrong).</summary>
    protected override void ValidateOwn()
    {
        if (PrecisionDepth < 1) throw new ArgumentException($"--k must be at least 1 (got {PrecisionDepth}).");
    }
}
