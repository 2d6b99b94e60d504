using Doc2Hash.Data;
using Doc2Hash.Hashing.Neural;
using static TorchSharp.torch;

namespace Doc2Hash.Experiments.Methods;

/// <summary>Base of the neural catalog entries: typed settings, so an entry only states its preset and its model.</summary>
public abstract class NeuralMethod<TModel> : INeuralMethodEntry where TModel : NeuralModelConfig
{
    public abstract string Name { get; }
    public abstract string Paper { get; }
    public abstract bool IsSupervised { get; }
    public abstract string PresetSource { get; }
    public Type SettingsType => typeof(NeuralSettings<TModel>);

    public abstract NeuralSettings<TModel> Preset(int bits);

    MethodSettings IMethodEntry.Preset(int bits) => Preset(bits);

    /// <summary>The model for typed settings; initial weights from <c>settings.Training.Seed</c>.</summary>
    protected abstract ITrainableHasher Create(NeuralSettings<TModel> settings, HashingDataset data, Device device);

    public ITrainableHasher Create(MethodSettings settings, HashingDataset data, Device device) =>
        Create(settings as NeuralSettings<TModel>
            ?? throw new ArgumentException($"Method '{Name}' reads {MethodSettings.KindOf(SettingsType)}, not {MethodSettings.KindOf(settings.GetType())}."), data, device);

    /// <summary>The label head a supervised variant needs, or a clear error when the data has no labels.</summary>
    protected LabelHeadConfig RequireLabels(NeuralSettings<TModel> settings, HashingDataset data)
    {
        if (data.LabelCount < 1) throw new ArgumentException($"Method '{Name}' is supervised but dataset '{data.Name}' has no labels.");
        return settings.LabelHead ?? throw new ArgumentException($"Method '{Name}' is supervised: its settings need a LabelHead.");
    }
}
