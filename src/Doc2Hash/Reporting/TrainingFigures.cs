using Doc2Hash.Evaluation;
using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Reporting.Figures;
using Doc2Hash.Training;

namespace Doc2Hash.Reporting;

/// <summary>
/// Figures of one training run from its per-epoch reports (the trainer's EpochCompleted events, or a run folder's
/// history): the loss terms, the scheduled values (e.g. the Gumbel-Softmax temperature) and the selection
/// precision; and of its codes: the Hamming-distance histograms of relevant and irrelevant pairs.
/// </summary>
public static class TrainingFigures
{
    /// <summary>Mean of every loss term per epoch (reconstruction, KL, total, ...).</summary>
    public static Figure LossTerms(string name, IReadOnlyList<EpochReport> history) =>
        Curves(name, "Loss terms per epoch (means over minibatches)", "loss", history,
            r => r.Loss.Where(t => !IsCollapseStatistic(t.Key)).ToDictionary());

    /// <summary>
    /// The per-bit KL diagnostics Doc2hash logs beside its loss (<see cref="BitCollapse"/>): mean KL per bit in nats and
    /// the share of collapsed bits, on their own axis (they are about 0.001-0.7, the loss terms tens).
    /// </summary>
    public static Figure BitCollapseCurves(string name, IReadOnlyList<EpochReport> history)
    {
        if (!history.Any(r => r.Loss.Keys.Any(IsCollapseStatistic)))
            throw new ArgumentException("This run logged no per-bit KL statistics (only Doc2hash and Doc2hash-S runs do).");
        return Curves(name, "Per-bit KL to Bernoulli(0.5): mean KL per bit (nats) and share of collapsed bits", "value", history,
            r => r.Loss.Where(t => IsCollapseStatistic(t.Key)).ToDictionary());
    }

    private static bool IsCollapseStatistic(string term) => term is BitCollapse.MeanKlPerBitName or BitCollapse.CollapsedShareName;

    /// <summary>Every scheduled value at the end of each epoch (log scale: a temperature decays geometrically).</summary>
    public static Figure Schedules(string name, IReadOnlyList<EpochReport> history) =>
        Curves(name, "Scheduled values at the end of each epoch", "value", history, r => r.Schedules, logY: true);

    /// <summary>The selection split's precision@K per epoch (the number model selection uses).</summary>
    public static Figure SelectionPrecision(string name, IReadOnlyList<EpochReport> history, string label = "validation P@100") =>
        LineCharts.TrainingCurves(name, $"Model selection: {label} per epoch", label,
            [new NamedValues(label, [.. history.Select(r => r.SelectionPrecision)])]);

    /// <summary>Normalised histograms of the Hamming distances of relevant vs irrelevant query-document pairs.</summary>
    public static Figure Distances(string name, string title, DistanceDistribution distances) =>
        Histograms.HammingDistances(name, title, distances.Relevant, distances.Irrelevant, distances.Bits);

    private static Figure Curves(string name, string title, string yLabel, IReadOnlyList<EpochReport> history,
        Func<EpochReport, IReadOnlyDictionary<string, double>> values, bool logY = false)
    {
        if (history.Count == 0) throw new ArgumentException("No epochs yet: train at least one epoch before drawing its curves.");
        var names = history.SelectMany(r => values(r).Keys).Distinct().ToList();
        return LineCharts.TrainingCurves(name, title, yLabel,
            [.. names.Select(n => new NamedValues(n, [.. history.Select(r => values(r).TryGetValue(n, out var v) ? v : double.NaN)]))], logY);
    }
}
