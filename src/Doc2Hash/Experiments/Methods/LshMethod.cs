using Doc2Hash.Data;
using Doc2Hash.Hashing.Classic;

namespace Doc2Hash.Experiments.Methods;

/// <summary>LSH: signs of random Gaussian projections of the TF-IDF vector (<see cref="Lsh"/>).</summary>
public sealed class LshMethod : FittedMethod<FittedSettings<LshOptions>, Lsh>
{
    public override string Name => "lsh";
    public override string Paper => "Charikar, STOC 2002 (random-hyperplane locality-sensitive hashing)";
    public override bool IsSupervised => false;
    public override string PresetSource => "no hyper-parameter besides the code length (the paper's construction)";

    public override FittedSettings<LshOptions> Preset(int bits) => new(new LshOptions { Bits = bits, Seed = 1 });

    protected override Lsh Fit(FittedSettings<LshOptions> settings, HashingDataset data) => Lsh.Fit(data.Train.Features, settings.Options);
    protected override void Save(Lsh method, Stream stream) => Write(stream, method.Save);
    protected override Lsh Load(FittedSettings<LshOptions> settings, Stream stream) => Read(stream, Lsh.Load);
}
