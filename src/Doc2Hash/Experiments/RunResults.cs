using System.Globalization;
using System.Runtime.InteropServices;
using System.Text;
using Doc2Hash.Data;
using Doc2Hash.Data.Formats;
using Doc2Hash.Evaluation;
using Doc2Hash.IO;
using Doc2Hash.Training;

namespace Doc2Hash.Experiments;

/// <summary>A run's per-bit usage of its training codes, as recorded in <see cref="RunResults.BitUsageFile"/>.</summary>
public sealed record BitUsage(IReadOnlyList<double> OnesRate, IReadOnlyList<double> Entropy);

/// <summary>
/// What a finished run records beside summary.json so that significance tests and figures need no checkpoint:
/// the test split's per-query precision@K (float32 .npy, one value per test query in split order: about 14 kB for
/// 20NG), the test precision@K curve (CSV) and the per-bit usage of the training codes (CSV). Written once, after
/// training, from the selected checkpoint; each file atomically.
/// </summary>
public static class RunResults
{
    public const string QueryPrecisionFile = "query-precision.test.npy";
    public const string CurveFile = "curve.test.csv";
    public const string BitUsageFile = "bits.train.csv";

    /// <summary>Depths of the recorded precision curve (those deeper than the database are dropped).</summary>
    public static IReadOnlyList<int> CurveDepths { get; } = [1, 5, 10, 20, 50, 100, 200, 500, 1000];

    /// <summary>
    /// Encodes every split with the run's best checkpoint, evaluates the test queries against the training
    /// database (K from the run's config) and writes the three files into the run folder.
    /// </summary>
    public static RetrievalReport Record(RunFolder run, HashingDataset data)
    {
        var config = run.ReadConfig();
        var codes = Experiment.Encode(run, data, TorchEnvironment.ResolveDevice(config.Device));
        var options = new RetrievalOptions
        {
            K = config.K,
            KeepPerQuery = true,
            PrecisionCurveDepths = [.. CurveDepths.Where(d => d <= data.Train.Count)],
        };
        var test = RetrievalEvaluator.Evaluate(codes["test"], data.Test.Labels, codes["train"], data.Train.Labels, options);
        Write(run.Path, test, CodeStatistics.Compute(codes["train"]));
        return test;
    }

    /// <summary>Writes the per-query precision, the curve and the bit usage into <paramref name="folder"/>.</summary>
    public static void Write(string folder, RetrievalReport test, CodeStatistics trainCodes)
    {
        ArgumentNullException.ThrowIfNull(test);
        ArgumentNullException.ThrowIfNull(trainCodes);
        if (test.PerQuery.Count != test.QueryCount)
            throw new ArgumentException($"The test report holds {test.PerQuery.Count} per-query scores for {test.QueryCount} queries; evaluate with KeepPerQuery = true.", nameof(test));
        var precision = test.PerQuery.Select(q => (float)q.Precision).ToArray();
        NpyWriter.WriteFloat32(Path.Combine(folder, QueryPrecisionFile), [precision.Length], precision, overwrite: true);
        var curve = new StringBuilder("k,precision\n");
        foreach (var point in test.PrecisionCurve) curve.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{point.K},{point.Precision:R}"));
        AtomicFile.WriteAllText(Path.Combine(folder, CurveFile), curve.ToString());
        var bits = new StringBuilder("bit,ones_rate,entropy\n");
        for (int b = 0; b < trainCodes.Bits; b++)
            bits.AppendLine(string.Create(CultureInfo.InvariantCulture, $"{b},{trainCodes.OnesRate[b]:R},{trainCodes.Entropy[b]:R}"));
        AtomicFile.WriteAllText(Path.Combine(folder, BitUsageFile), bits.ToString());
    }

    /// <summary>The test split's per-query precision@K, or null when the run recorded none.</summary>
    public static float[]? ReadQueryPrecision(string folder)
    {
        string path = Path.Combine(folder, QueryPrecisionFile);
        if (!File.Exists(path)) return null;
        var array = NpyArray.Read(path);
        if (array.Descr != "<f4" || array.Shape.Count != 1 || array.Data.Length != array.Shape[0] * sizeof(float))
            throw new InvalidDataException($"'{path}' should hold a 1-D little-endian float32 array (one precision per test query), but has dtype {array.Descr} and shape ({string.Join(", ", array.Shape)}).");
        var values = MemoryMarshal.Cast<byte, float>(array.Data).ToArray();
        int bad = Array.FindIndex(values, v => !float.IsFinite(v) || v < 0 || v > 1);
        if (bad >= 0) throw new InvalidDataException($"'{path}': query {bad} has precision {values[bad]}, outside [0, 1].");
        return values;
    }

    /// <summary>The recorded test precision curve, or null when absent.</summary>
    public static IReadOnlyList<PrecisionAtDepth>? ReadCurve(string folder) =>
        ReadCsv(Path.Combine(folder, CurveFile), "k,precision", cells => new PrecisionAtDepth(int.Parse(cells[0], CultureInfo.InvariantCulture), Number(cells[1])));

    /// <summary>The recorded per-bit usage of the training codes, or null when absent.</summary>
    public static BitUsage? ReadBitUsage(string folder)
    {
        var rows = ReadCsv(Path.Combine(folder, BitUsageFile), "bit,ones_rate,entropy", cells => (Ones: Number(cells[1]), Entropy: Number(cells[2])));
        return rows is null ? null : new BitUsage([.. rows.Select(r => r.Ones)], [.. rows.Select(r => r.Entropy)]);
    }

    private static double Number(string cell) => double.Parse(cell, NumberStyles.Float, CultureInfo.InvariantCulture);

    private static List<T>? ReadCsv<T>(string path, string header, Func<string[], T> parse)
    {
        if (!File.Exists(path)) return null;
        var lines = File.ReadAllLines(path);
        if (lines.Length == 0 || lines[0] != header)
            throw new InvalidDataException($"'{path}' should start with the header '{header}'.");
        var rows = new List<T>();
        for (int i = 1; i < lines.Length; i++)
        {
            if (lines[i].Length == 0) continue;
            var cells = lines[i].Split(',');
            try
            {
                if (cells.Length != header.Split(',').Length) throw new FormatException($"expected {header.Split(',').Length} cells, found {cells.Length}");
                rows.Add(parse(cells));
            }
            catch (FormatException e)
            {
                throw new InvalidDataException($"'{path}' line {i + 1}: {e.Message}", e);
            }
        }
        return rows;
    }
}
