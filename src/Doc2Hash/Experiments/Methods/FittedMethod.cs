using Doc2Hash.Data;
using Doc2Hash.Hashing;

namespace Doc2Hash.Experiments.Methods;

/// <summary>
/// Base of the catalog entries of methods fitted in one pass: typed settings and a typed method, so an entry only
/// states its preset and how to fit, save and load its method.
/// </summary>
public abstract class FittedMethod<TSettings, TMethod> : IFittedMethodEntry
    where TSettings : MethodSettings
    where TMethod : IHashingMethod
{
    public abstract string Name { get; }
    public abstract string Paper { get; }
    public abstract bool IsSupervised { get; }
    public abstract string PresetSource { get; }
    public Type SettingsType => typeof(TSettings);

    public abstract TSettings Preset(int bits);

    MethodSettings IMethodEntry.Preset(int bits) => Preset(bits);

    protected abstract TMethod Fit(TSettings settings, HashingDataset data);
    protected abstract void Save(TMethod method, Stream stream);
    protected abstract TMethod Load(TSettings settings, Stream stream);

    public IHashingMethod Fit(MethodSettings settings, HashingDataset data) => Fit(Typed(settings), data);

    public void Save(IHashingMethod method, Stream stream) =>
        Save(method is TMethod typed ? typed : throw new ArgumentException($"Method '{Name}' saves {typeof(TMethod).Name}, not {method.GetType().Name}."), stream);

    public IHashingMethod Load(MethodSettings settings, Stream stream) => Load(Typed(settings), stream);

    private TSettings Typed(MethodSettings settings) => settings as TSettings
        ?? throw new ArgumentException($"Method '{Name}' reads {MethodSettings.KindOf(typeof(TSettings))}, not {MethodSettings.KindOf(settings.GetType())}.");
}
