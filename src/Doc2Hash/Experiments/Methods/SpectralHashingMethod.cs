using Doc2Hash.Data;
using Doc2Hash.Hashing.Classic;

namespace Doc2Hash.Experiments.Methods;

/// <summary>Spectral hashing: PCA, then the analytical eigenfunctions of a uniform distribution (<see cref="SpectralHashing"/>).</summary>
public sealed class SpectralHashingMethod : FittedMethod<FittedSettings<SpectralHashingOptions>, SpectralHashing>
{
    public override string Name => "sph";
    public override string Paper => "Weiss, Torralba and Fergus, NIPS 2008 (Spectral Hashing)";
    public override bool IsSupervised => false;
    public override string PresetSource => "the paper's algorithm (PCA to L dimensions, L smallest analytical eigenvalues); solver settings: SpectralHashingOptions";

    public override FittedSettings<SpectralHashingOptions> Preset(int bits) => new(new SpectralHashingOptions { Bits = bits, Seed = 1 });

    protected override SpectralHashing Fit(FittedSettings<SpectralHashingOptions> settings, HashingDataset data) => SpectralHashing.Fit(data.Train.Features, settings.Options);
    protected override void Save(SpectralHashing method, Stream stream) => Write(stream, method.Save);
    protected override SpectralHashing Load(FittedSettings<SpectralHashingOptions> settings, Stream stream) => Read(stream, SpectralHashing.Load);
}
