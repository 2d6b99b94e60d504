using Doc2Hash.Data;
using Doc2Hash.Hashing;
using Doc2Hash.Hashing.Neural;
using static TorchSharp.torch;

namespace Doc2Hash.Experiments.Methods;

/// <summary>
/// One hashing method of the catalog: its name, paper, kind and preset (the paper's hyper-parameters, with their
/// source). A method is one short file implementing <see cref="INeuralMethodEntry"/> (trained by the shared Trainer)
/// or <see cref="IFittedMethodEntry"/> (fitted in one pass); the catalog finds it by reflection, so adding a method
/// touches no other file. The experiment runner, evaluator, CLI and notebooks only see this interface.
/// </summary>
public interface IMethodEntry
{
    /// <summary>Stable lower-case name used on the command line, in run folders and tables, e.g. "vdsh-s".</summary>
    string Name { get; }

    /// <summary>The paper, e.g. "Chaidaroon and Fang, SIGIR 2017 (Variational Deep Semantic Hashing)".</summary>
    string Paper { get; }

    /// <summary>Whether training uses the labels of the training split.</summary>
    bool IsSupervised { get; }

    /// <summary>Where the preset's numbers come from (paper section, script and line of the reference code).</summary>
    string PresetSource { get; }

    /// <summary>The settings record type this method reads (several methods may share one).</summary>
    Type SettingsType { get; }

    /// <summary>The method's preset at <paramref name="bits"/> bits: every value the paper (or its code) uses.</summary>
    MethodSettings Preset(int bits);

    bool IsNeural => this is INeuralMethodEntry;
}

/// <summary>A method trained by minibatch gradient descent with the shared Trainer (Doc2hash, VDSH, NASH and variants).</summary>
public interface INeuralMethodEntry : IMethodEntry
{
    /// <summary>A fresh model for <paramref name="settings"/> and <paramref name="data"/>, its initial weights drawn from the settings' seed.</summary>
    ITrainableHasher Create(MethodSettings settings, HashingDataset data, Device device);
}

/// <summary>A method fitted in one pass over the training split (LSH, spectral hashing, STH, ITQ).</summary>
public interface IFittedMethodEntry : IMethodEntry
{
    /// <summary>Learns the method's state from the training split (deterministic for a seed).</summary>
    IHashingMethod Fit(MethodSettings settings, HashingDataset data);

    /// <summary>Writes the learned state of a method this entry fitted.</summary>
    void Save(IHashingMethod method, Stream stream);

    /// <summary>Reads back what <see cref="Save"/> wrote.</summary>
    IHashingMethod Load(MethodSettings settings, Stream stream);
}
