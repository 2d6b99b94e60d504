using Doc2Hash.Hashing.Relaxations;
using Doc2Hash.Experiments.Lab;
using Doc2Hash.Hashing.Relaxations.Lab;
using Doc2Hash.Reporting.Figures;
using Microsoft.Data.Analysis;

namespace Doc2Hash.Reporting;

/// <summary>
/// Tables (DataFrames) and figures of the relaxation lab (notebook 02): Gumbel-max frequencies against softmax,
/// bias and variance of every estimator against the exact gradient, sweeps over temperature and sample count, and the
/// exact loss of the toy model trained with each estimator. The numbers come from <see cref="RelaxationLab"/>,
/// <see cref="EstimatorAnalysis"/> and <see cref="ToyTraining"/>; this file only arranges them.
/// </summary>
public static class RelaxationLabReport
{
    /// <summary>Softmax probabilities beside the empirical Gumbel-max frequencies, one row per category.</summary>
    public static DataFrame GumbelMax(double[] logits, double[] probabilities, double[] frequencies)
    {
        if (logits.Length != probabilities.Length || logits.Length != frequencies.Length)
            throw new ArgumentException($"Logits ({logits.Length}), probabilities ({probabilities.Length}) and frequencies ({frequencies.Length}) need one entry per category.");
        return new DataFrame(
            new Int32DataFrameColumn("category", Enumerable.Range(0, logits.Length)),
            new DoubleDataFrameColumn("logit", logits.Select(Round)),
            new DoubleDataFrameColumn("softmax p", probabilities.Select(Round)),
            new DoubleDataFrameColumn("Gumbel-max frequency", frequencies.Select(Round)),
            new DoubleDataFrameColumn("difference", frequencies.Zip(probabilities, (f, p) => Round(f - p))));
    }

    /// <summary>One row per measured setting: bias (cosine, relative distance against the noise floor) and variance.</summary>
    public static DataFrame Statistics(IReadOnlyList<GradientStatistics> rows) => new(
        new StringDataFrameColumn("estimator", rows.Select(r => BernoulliEstimators.Name(r.Estimator))),
        new StringDataFrameColumn("unbiased", rows.Select(r => BernoulliEstimators.IsUnbiased(r.Estimator) ? "yes" : "no")),
        new Int32DataFrameColumn("S", rows.Select(r => r.Samples)),
        new StringDataFrameColumn("tau", rows.Select(r => double.IsNaN(r.Temperature) || !BernoulliEstimators.UsesTemperature(r.Estimator) ? "" : r.Temperature.ToString("0.###", System.Globalization.CultureInfo.InvariantCulture))),
        new DoubleDataFrameColumn("cosine", rows.Select(r => Round(r.Cosine))),
        new DoubleDataFrameColumn("rel. distance", rows.Select(r => Round(r.RelativeDistance))),
        new DoubleDataFrameColumn("noise floor", rows.Select(r => Round(r.NoiseFloor))),
        new DoubleDataFrameColumn("rel. variance", rows.Select(r => Round(r.RelativeVariance))),
        new DoubleDataFrameColumn("rel. MSE", rows.Select(r => Round(r.RelativeMeanSquaredError))));

    /// <summary>
    /// Bias and variance of the Gumbel-Softmax pair at each temperature, and of the temperature-free estimators (measured
    /// once, repeated as flat reference lines), on the toy model's current parameters, with S samples and R repeats.
    /// </summary>
    public static IReadOnlyList<GradientStatistics> TemperatureSweep(ToyLatentModel model, IReadOnlyList<double> temperatures, int samples, int repeats, int seed) =>
        [.. from kind in BernoulliEstimators.All
            where samples >= BernoulliEstimators.MinimumSamples(kind)
            let once = BernoulliEstimators.UsesTemperature(kind) ? null : EstimatorAnalysis.Analyse(kind, model, samples, 1.0, repeats, seed)
            from tau in temperatures
            select (once ?? EstimatorAnalysis.Analyse(kind, model, samples, tau, repeats, seed)) with { Temperature = tau }];

    /// <summary>Bias and variance of every estimator for each sample count S at one temperature.</summary>
    public static IReadOnlyList<GradientStatistics> SampleSweep(ToyLatentModel model, IReadOnlyList<int> samples, double temperature, int repeats, int seed) =>
        [.. from kind in BernoulliEstimators.All
            from s in samples
            where s >= BernoulliEstimators.MinimumSamples(kind)
            select EstimatorAnalysis.Analyse(kind, model, s, temperature, repeats, seed) with { Temperature = temperature }];

    /// <summary>One line per estimator of <paramref name="value"/> against the temperature (log axes where asked).</summary>
    public static Figure AgainstTemperature(string name, string title, string yLabel, IReadOnlyList<GradientStatistics> sweep, Func<GradientStatistics, double> value, bool logY = false) =>
        Against(name, new ChartLabels(title, "temperature tau", yLabel) { LogX = true, LogY = logY }, sweep, s => s.Temperature, value);

    /// <summary>One line per estimator of <paramref name="value"/> against the number of samples S (log-log).</summary>
    public static Figure AgainstSamples(string name, string title, string yLabel, IReadOnlyList<GradientStatistics> sweep, Func<GradientStatistics, double> value) =>
        Against(name, new ChartLabels(title, "samples per estimate S", yLabel) { LogX = true, LogY = true }, sweep, s => s.Samples, value);

    /// <summary>The exact expected loss per training step, one curve per estimator (and temperature).</summary>
    public static Figure Training(string name, IReadOnlyList<ToyTrainingCurve> curves) =>
        LineCharts.TrainingCurves(name, "Toy model trained with each estimator: exact expected loss", "nats per document",
            [.. curves.Select(c => new NamedValues(Label(c.Estimator, BernoulliEstimators.UsesTemperature(c.Estimator) ? c.Temperature[0] : double.NaN), c.ExpectedLoss))]);

    /// <summary>An estimator's display name, with its temperature when it uses one.</summary>
    public static string Label(BernoulliEstimator estimator, double temperature) =>
        BernoulliEstimators.UsesTemperature(estimator) && !double.IsNaN(temperature)
            ? $"{BernoulliEstimators.Name(estimator)} (tau {temperature.ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)})"
            : BernoulliEstimators.Name(estimator);

    private static Figure Against(string name, ChartLabels labels, IReadOnlyList<GradientStatistics> sweep, Func<GradientStatistics, double> x, Func<GradientStatistics, double> value) =>
        LineCharts.Lines(name, labels,
            [.. sweep.GroupBy(s => s.Estimator).Select(g =>
            {
                var points = g.GroupBy(x).Select(p => p.First()).OrderBy(x).ToList();
                return new LineSeries(BernoulliEstimators.Name(g.Key), [.. points.Select(x)], [.. points.Select(value)]);
            })]);

    private static double Round(double value) => Math.Round(value, 4);
}
