using System.ComponentModel;
using Doc2Hash.Data;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Hashing;
using Doc2Hash.Retrieval;
using Doc2Hash.Text;

namespace Doc2Hash.Tests.TestSupport;

/// <summary>Settings of the test-only <see cref="SignProjectionMethod"/>.</summary>
public sealed record SignProjectionSettings : MethodSettings
{
    [Description("Code length in bits.")]
    public int CodeBits { get; init; } = 16;

    [Description("Seed of the projection.")]
    [Doc2Hash.Configuration.OptionName("seed")]
    public int ProjectionSeed { get; init; } = 1;

    [Description("K of precision@K.")]
    [Doc2Hash.Configuration.OptionName("k")]
    public int PrecisionDepth { get; init; } = 10;

    public override int Bits => CodeBits;
    public override int Seed => ProjectionSeed;
    public override int K => PrecisionDepth;

    protected override void ValidateOwn()
    {
        if (PrecisionDepth < 1) throw new ArgumentException($"--k must be at least 1 (got {PrecisionDepth}).");
    }
}

/// <summary>
/// A tiny method fitted in one pass, only for tests of the non-neural path (the classic methods live on another
/// branch): codes are the signs of the TF-IDF rows times a seeded random +-1 matrix, centred on the training mean.
/// </summary>
public sealed class SignProjection(float[,] projection, float[] centre) : IHashingMethod
{
    public string Name => SignProjectionMethod.MethodName;
    public int Bits => projection.GetLength(1);
    public float[,] Projection => projection;
    public float[] Centre => centre;

    public BinaryCodes Encode(SparseMatrix documents)
    {
        var bits = new byte[documents.Rows * Bits];
        for (int r = 0; r < documents.Rows; r++)
        {
            var ids = documents.RowIndices(r);
            var values = documents.RowValues(r);
            for (int b = 0; b < Bits; b++)
            {
                double sum = -centre[b];
                for (int j = 0; j < ids.Length; j++) sum += values[j] * projection[ids[j], b];
                bits[r * Bits + b] = sum > 0 ? (byte)1 : (byte)0;
            }
        }
        return BinaryCodes.FromBits(documents.Rows, Bits, bits);
    }
}

public sealed class SignProjectionMethod : FittedMethod<SignProjectionSettings, SignProjection>
{
    public const string MethodName = "test-sign-projection";

    public override string Name => MethodName;
    public override string Paper => "test-only method (random +-1 projections, signs)";
    public override bool IsSupervised => false;
    public override string PresetSource => "tests";

    public override SignProjectionSettings Preset(int bits) => new() { CodeBits = bits };

    protected override SignProjection Fit(SignProjectionSettings settings, HashingDataset data)
    {
        var random = new Random(settings.Seed);
        var projection = new float[data.VocabularySize, settings.Bits];
        for (int w = 0; w < data.VocabularySize; w++)
            for (int b = 0; b < settings.Bits; b++) projection[w, b] = random.Next(2) == 0 ? -1f : 1f;
        var centre = new float[settings.Bits];
        var train = data.Train.Features;
        for (int r = 0; r < train.Rows; r++)
        {
            var ids = train.RowIndices(r);
            var values = train.RowValues(r);
            for (int b = 0; b < settings.Bits; b++)
                for (int j = 0; j < ids.Length; j++) centre[b] += values[j] * projection[ids[j], b] / train.Rows;
        }
        return new SignProjection(projection, centre);
    }

    protected override void Save(SignProjection method, Stream stream) => Write(stream, writer =>
    {
        writer.Write(method.Projection.GetLength(0));
        writer.Write(method.Bits);
        foreach (float value in method.Projection) writer.Write(value);
        foreach (float value in method.Centre) writer.Write(value);
    });

    protected override SignProjection Load(SignProjectionSettings settings, Stream stream) => Read(stream, reader =>
    {
        int words = reader.ReadInt32(), bits = reader.ReadInt32();
        var projection = new float[words, bits];
        for (int w = 0; w < words; w++)
            for (int b = 0; b < bits; b++) projection[w, b] = reader.ReadSingle();
        var centre = Enumerable.Range(0, bits).Select(_ => reader.ReadSingle()).ToArray();
        return new SignProjection(projection, centre);
    });
}
