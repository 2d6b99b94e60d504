using Doc2Hash.Data;
using Doc2Hash.Hashing.Classic;

namespace Doc2Hash.Experiments.Methods;

/// <summary>Self-taught hashing: cosine kNN graph, Laplacian eigenmaps, median bits, one linear SVM per bit (<see cref="SelfTaughtHashing"/>).</summary>
public sealed class SelfTaughtHashingMethod : FittedMethod<FittedSettings<SelfTaughtHashingOptions>, SelfTaughtHashing>
{
    public override string Name => "sth";
    public override string Paper => "Zhang, Wang, Cai and Lu, SIGIR 2010 (Self-Taught Hashing)";
    public override bool IsSupervised => false;
    public override string PresetSource => "k = 20 cosine neighbours (the paper's text setting as in the kit's notes); SVM settings: SelfTaughtHashingOptions";

    public override FittedSettings<SelfTaughtHashingOptions> Preset(int bits) => new(new SelfTaughtHashingOptions { Bits = bits, Seed = 1, Neighbours = 20 });

    protected override SelfTaughtHashing Fit(FittedSettings<SelfTaughtHashingOptions> settings, HashingDataset data) => SelfTaughtHashing.Fit(data.Train.Features, settings.Options);
    protected override void Save(SelfTaughtHashing method, Stream stream) => Write(stream, method.Save);
    protected override SelfTaughtHashing Load(FittedSettings<SelfTaughtHashingOptions> settings, Stream stream) => Read(stream, SelfTaughtHashing.Load);
}
