using System.Globalization;

namespace Doc2Hash.Experiments;

/// <summary>
/// A run's metrics.csv read back: one numeric column per header name (epoch, train_seconds, eval_seconds,
/// loss_*, schedule values, the selection split's precision), one row per epoch; empty cells are NaN.
/// </summary>
public sealed record MetricsTable(IReadOnlyDictionary<string, IReadOnlyList<double>> Columns, int Epochs)
{
    /// <summary>The column, or null when the run did not log it.</summary>
    public IReadOnlyList<double>? Column(string name) => Columns.TryGetValue(name, out var values) ? values : null;

    /// <summary>The column holding the selection precision (validation_p@K or test_p@K), or null.</summary>
    public string? SelectionColumn => Columns.Keys.FirstOrDefault(k => k.Contains("_p@", StringComparison.Ordinal));

    /// <summary>Mean seconds per epoch, training plus evaluation; null without epochs.</summary>
    public double? MeanEpochSeconds
    {
        get
        {
            if (Epochs == 0 || Column("train_seconds") is not { } train) return null;
            var eval = Column("eval_seconds");
            return Enumerable.Range(0, Epochs).Average(i => train[i] + (eval is null || double.IsNaN(eval[i]) ? 0 : eval[i]));
        }
    }

    /// <summary>Reads &lt;folder&gt;/metrics.csv, or returns null when the run has not finished an epoch yet.</summary>
    public static MetricsTable? Read(string folder)
    {
        string path = Path.Combine(folder, RunFolder.MetricsFile);
        if (!File.Exists(path)) return null;
        var lines = File.ReadAllLines(path).Where(l => l.Length > 0).ToArray();
        if (lines.Length == 0) return new MetricsTable(new Dictionary<string, IReadOnlyList<double>>(), 0);
        var names = lines[0].Split(',');
        var columns = names.Select(_ => new List<double>()).ToArray();
        for (int i = 1; i < lines.Length; i++)
        {
            var cells = lines[i].Split(',');
            if (cells.Length != names.Length)
                throw new InvalidDataException($"'{path}' line {i + 1} has {cells.Length} cells but the header has {names.Length}.");
            for (int c = 0; c < names.Length; c++)
            {
                if (cells[c].Length == 0) columns[c].Add(double.NaN);
                else if (double.TryParse(cells[c], NumberStyles.Float, CultureInfo.InvariantCulture, out double value)) columns[c].Add(value);
                else throw new InvalidDataException($"'{path}' line {i + 1}, column '{names[c]}': '{cells[c]}' is not a number.");
            }
        }
        return new MetricsTable(names.Select((n, c) => (n, (IReadOnlyList<double>)columns[c])).ToDictionary(p => p.n, p => p.Item2), lines.Length - 1);
    }
}
