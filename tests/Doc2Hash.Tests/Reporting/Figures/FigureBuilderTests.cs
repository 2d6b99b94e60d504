using Doc2Hash.Reporting.Figures;

namespace Doc2Hash.Tests.Reporting.Figures;

public class FigureBuilderTests
{
    private static readonly FigureRenderer Png = FigureRenderer.PngOnly;

    [Fact]
    public void A_series_with_mismatched_lengths_or_NaN_is_rejected_with_its_name()
    {
        var lengths = Assert.Throws<ArgumentException>(() => new LineSeries("vdsh", [1, 2, 3], [0.1, 0.2]));
        Assert.Contains("'vdsh' has 3 x values but 2 y values", lengths.Message);
        var nan = Assert.Throws<ArgumentException>(() => new LineSeries("nash", [1, 2], [0.1, double.NaN]));
        Assert.Contains("y of series 'nash' contain NaN at index 1", nan.Message);
        var errors = Assert.Throws<ArgumentException>(() => new LineSeries("s", [1, 2], [0.1, 0.2], [0.1]));
        Assert.Contains("1 error values for 2 points", errors.Message);
        Assert.Throws<ArgumentException>(() => new LineSeries("s", [1], [0.1], [-0.1]));
    }

    [Fact]
    public void A_log_axis_rejects_non_positive_values()
    {
        var labels = new ChartLabels("variance", "samples", "variance") { LogX = true, LogY = true };
        var e = Assert.Throws<ArgumentException>(() => LineCharts.Lines("v", labels, [new LineSeries("reinforce", [1, 10, 100], [0.5, 0, 0.01])], Png));
        Assert.Contains("logarithmic axis needs positive values", e.Message);
        var figure = LineCharts.Lines("v", labels, [new LineSeries("reinforce", [1, 10, 100], [0.5, 0.05, 0.005])], Png);
        Assert.NotEmpty(figure.Png);
    }

    [Fact]
    public void Bars_need_one_value_per_category_and_per_bit_usage_needs_one_code_length()
    {
        var e = Assert.Throws<ArgumentException>(() => BarCharts.Grouped("b", new ChartLabels("b"), ["1", "2", "3"], [new BarGroup("m", [0.5, 0.5])], Png));
        Assert.Contains("'m' has 2 values for 3 categories", e.Message);
    }

    [Fact]
    public void A_heatmap_needs_finite_values_and_a_colour_interval()
    {
        Assert.Throws<ArgumentException>(() => Heatmaps.Matrix("h", new ChartLabels("h"), new double[,] { { double.PositiveInfinity } }, 0, 1, "", false, Png));
        var e = Assert.Throws<ArgumentException>(() => Heatmaps.Matrix("h", new ChartLabels("h"), new double[,] { { 0.5 } }, 1, 1, "", false, Png));
        Assert.Contains("not an interval", e.Message);
    }

    [Fact]
    public void Histogram_counts_and_shares_match_a_hand_count()
    {
        // Bins [0,1) [1,2) [2,3]: 0 and 0.5 in the first, 1 in the second, 2.5 and 3 (right edge) in the last.
        var histogram = Histogram.Count([0, 0.5, 1, 2.5, 3], [0, 1, 2, 3], normalise: false);
        Assert.Equal([2.0, 1, 2], histogram.Heights);
        var shares = Histogram.Count([0, 0.5, 1, 2.5, 3], [0, 1, 2, 3], normalise: true);
        Assert.Equal([0.4, 0.2, 0.4], shares.Heights);
        Assert.Throws<ArgumentException>(() => Histogram.Count([3.5], [0, 1, 2, 3], false));
    }

    [Fact]
    public void Histogram_steps_trace_the_outline()
    {
        var steps = new Histogram([0, 1, 2], [2, 1]).ToSteps("h");
        Assert.Equal([0.0, 0, 1, 1, 2, 2], steps.X);
        Assert.Equal([0.0, 2, 2, 1, 1, 0], steps.Y);
    }

    [Fact]
    public void Equal_width_edges_span_the_range()
    {
        Assert.Equal([0.0, 0.25, 0.5, 0.75, 1], Histogram.EqualWidthEdges(0, 1, 4));
        Assert.Throws<ArgumentOutOfRangeException>(() => Histogram.EqualWidthEdges(0, 1, 0));
    }

    [Fact]
    public void Hamming_distance_histograms_have_one_bin_per_distance()
    {
        var figure = Histograms.HammingDistances("hamming", "distances", [0, 1, 1, 2], [2, 3, 4, 4], bits: 4, Png);
        Assert.NotEmpty(figure.Png);
        Assert.Throws<ArgumentException>(() => Histograms.HammingDistances("hamming", "distances", [5], [0], bits: 4, Png));
    }

    [Fact]
    public void The_simplex_projection_puts_one_hot_samples_on_the_vertices()
    {
        Assert.Equal((0.0, 0.0), SimplexPlots.Project([1, 0, 0]));
        Assert.Equal((1.0, 0.0), SimplexPlots.Project([0, 1, 0]));
        var top = SimplexPlots.Project([0, 0, 1]);
        Assert.Equal(0.5, top.X, 12);
        Assert.Equal(Math.Sqrt(3) / 2, top.Y, 12);
        var centre = SimplexPlots.Project([1 / 3.0, 1 / 3.0, 1 / 3.0]);   // the centroid of the triangle
        Assert.Equal(0.5, centre.X, 12);
        Assert.Equal(Math.Sqrt(3) / 6, centre.Y, 12);
    }

    [Fact]
    public void Simplex_plots_reject_vectors_that_are_not_probabilities()
    {
        var e = Assert.Throws<ArgumentException>(() => SimplexPlots.ThreeClasses("s", "s", [("τ=1", [[0.5, 0.6, 0.1]])], Png));
        Assert.Contains("sample 0 of 'τ=1'", e.Message);
        Assert.Throws<ArgumentException>(() => SimplexPlots.TwoClasses("s", "s", [("τ=1", [[0.2, 0.3, 0.5]])], renderer: Png));
        Assert.NotEmpty(SimplexPlots.TwoClasses("s", "s", [("τ=1", [[0.2, 0.8], [0.9, 0.1]])], renderer: Png).Png);
    }

    [Fact]
    public void Precision_vs_bits_rejects_duplicate_code_lengths()
    {
        var methods = new Dictionary<string, IReadOnlyList<PrecisionAtBits>> { ["m"] = [new(32, 0.5, 0), new(32, 0.6, 0)] };
        var e = Assert.Throws<ArgumentException>(() => PrecisionFigures.PrecisionVsBits("p", "p", methods, renderer: Png));
        Assert.Contains("same code length twice", e.Message);
    }

    [Fact]
    public void Training_curves_put_epochs_from_one_on_x()
    {
        var figure = LineCharts.TrainingCurves("loss", "loss terms", "nats", [new NamedValues("reconstruction", [3, 2, 1.5]), new NamedValues("KL", [0.1, 0.2])], renderer: Png);
        Assert.NotEmpty(figure.Png);
    }
}
