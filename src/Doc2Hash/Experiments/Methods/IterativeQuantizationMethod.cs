using Doc2Hash.Data;
using Doc2Hash.Hashing.Classic;

namespace Doc2Hash.Experiments.Methods;

/// <summary>ITQ: PCA to L dimensions, then the rotation minimising the quantisation loss (<see cref="IterativeQuantization"/>).</summary>
public sealed class IterativeQuantizationMethod : FittedMethod<FittedSettings<IterativeQuantizationOptions>, IterativeQuantization>
{
    public override string Name => "itq";
    public override string Paper => "Gong and Lazebnik, CVPR 2011 (Iterative Quantization)";
    public override bool IsSupervised => false;
    public override string PresetSource => "50 iterations (the paper, Section 2.2)";

    public override FittedSettings<IterativeQuantizationOptions> Preset(int bits) => new(new IterativeQuantizationOptions { Bits = bits, Seed = 1, Iterations = 50 });

    protected override IterativeQuantization Fit(FittedSettings<IterativeQuantizationOptions> settings, HashingDataset data) => IterativeQuantization.Fit(data.Train.Features, settings.Options);
    protected override void Save(IterativeQuantization method, Stream stream) => Write(stream, method.Save);
    protected override IterativeQuantization Load(FittedSettings<IterativeQuantizationOptions> settings, Stream stream) => Read(stream, IterativeQuantization.Load);
}
