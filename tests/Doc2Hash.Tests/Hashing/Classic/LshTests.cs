using Doc2Hash.Hashing.Classic;
using Doc2Hash.Text;

namespace Doc2Hash.Tests.Hashing.Classic;

public class LshTests
{
    private static readonly SparseMatrix Train = ClassicFixtures.Synthetic.Train.Features;
    private static readonly SparseMatrix Test = ClassicFixtures.Synthetic.Test.Features;

    [Fact]
    public void Codes_have_one_row_per_document_and_the_requested_bits()
    {
        ClassicFixtures.AssertShape(Lsh.Fit(Train, new LshOptions { Bits = 70 }), Test, 70);
    }

    [Fact]
    public void Same_seed_gives_the_same_codes_and_another_seed_other_codes()
    {
        var first = Lsh.Fit(Train, new LshOptions { Bits = 32, Seed = 3 }).Encode(Test);
        var again = Lsh.Fit(Train, new LshOptions { Bits = 32, Seed = 3 }).Encode(Test);
        var other = Lsh.Fit(Train, new LshOptions { Bits = 32, Seed = 4 }).Encode(Test);
        ClassicFixtures.AssertSameCodes(first, again);
        // Independent hyperplanes: about half the bits of two seeds' codes differ (here nearly a quarter at least).
        Assert.True(ClassicFixtures.DifferingBitShare(first, other) > 0.25);
    }

    [Fact]
    public void Save_and_load_give_identical_codes()
    {
        var lsh = Lsh.Fit(Train, new LshOptions { Bits = 80, Seed = 5 });
        var loaded = ClassicFixtures.RoundTrip(lsh, (m, w) => m.Save(w), Lsh.Load);
        ClassicFixtures.AssertSameCodes(lsh.Encode(Test), loaded.Encode(Test));
        Assert.Equal((80, 5, Train.Columns), (loaded.Bits, loaded.Seed, loaded.InputDimensions));
    }

    [Theory]
    [InlineData(1.0, 0.0)]    // 45 degrees apart
    [InlineData(1.0, -0.9)]   // an obtuse angle (about 132 degrees)
    [InlineData(0.2, 0.05)]   // a small angle (about 14 degrees)
    public void Share_of_differing_bits_estimates_the_angle_over_pi(double a, double b)
    {
        // x = (1, 0, 0), y = (a, 1 + b, 0); Charikar (2002): P[a bit differs] = angle(x, y) / pi.
        var documents = SparseMatrix.FromDense(new float[,] { { 1f, 0f, 0f }, { (float)a, (float)(1 + b), 0f } });
        double expected = Math.Acos(Cosine(documents)) / Math.PI;
        const int bits = 20_000;

        var codes = Lsh.Fit(documents, new LshOptions { Bits = bits, Seed = 11 }).Encode(documents);

        long differing = 0;
        for (int w = 0; w < codes.WordsPerCode; w++) differing += (long)ulong.PopCount(codes.Code(0)[w] ^ codes.Code(1)[w]);
        double share = differing / (double)bits;
        double standardError = Math.Sqrt(expected * (1 - expected) / bits);
        // 4 standard errors: a correct implementation fails with probability about 6e-5 (and never, for this seed).
        Assert.InRange(share, expected - 4 * standardError, expected + 4 * standardError);
    }

    [Fact]
    public void Loading_another_methods_state_fails_with_the_expected_tag()
    {
        var itq = IterativeQuantization.Fit(Train, new IterativeQuantizationOptions { Bits = 4, Iterations = 2 });
        using var stream = new MemoryStream();
        using (var writer = new BinaryWriter(stream, System.Text.Encoding.UTF8, leaveOpen: true)) itq.Save(writer);
        stream.Position = 0;
        var error = Assert.Throws<InvalidDataException>(() => Lsh.Load(new BinaryReader(stream)));
        Assert.Contains("doc2hash.lsh", error.Message);
        Assert.Contains("doc2hash.itq", error.Message);
    }

    private static double Cosine(SparseMatrix documents)
    {
        var dense = documents.ToDense();
        double dot = 0, nx = 0, ny = 0;
        for (int c = 0; c < documents.Columns; c++)
        {
            dot += (double)dense[0, c] * dense[1, c];
            nx += (double)dense[0, c] * dense[0, c];
            ny += (double)dense[1, c] * dense[1, c];
        }
        return dot / Math.Sqrt(nx * ny);
    }
}
