using Doc2Hash.Notebooks;
using Doc2Hash.Reporting.Figures;
using Microsoft.DotNet.Interactive.Formatting;

namespace Doc2Hash.Tests.Notebooks;

public class BundledLibTorchTests
{
    [Fact]
    public void Finds_libtorch_in_the_NuGet_layout_next_to_the_TorchSharp_package()
    {
        using var root = new Doc2Hash.Tests.Data.TempFolder();
        string dll = Path.Combine(root.Path, "torchsharp", "0.107.0", "lib", "net8.0", "TorchSharp.dll");
        string native = Path.Combine(root.Path, "libtorch-cpu-linux-x64", BundledLibTorch.LibTorchVersion, "runtimes", "linux-x64", "native");
        Directory.CreateDirectory(Path.GetDirectoryName(dll)!);
        Directory.CreateDirectory(native);
        File.WriteAllText(Path.Combine(native, "libtorch_cpu.so"), "");
        Assert.Equal(native, BundledLibTorch.FindLibTorchFolder(dll));
    }

    [Fact]
    public void Finds_libtorch_copied_into_a_build_output_and_says_what_to_reference_when_missing()
    {
        using var root = new Doc2Hash.Tests.Data.TempFolder();
        string dll = Path.Combine(root.Path, "bin", "TorchSharp.dll");
        string native = Path.Combine(root.Path, "bin", "runtimes", "linux-x64", "native");
        Directory.CreateDirectory(native);
        var error = Assert.Throws<InvalidOperationException>(() => BundledLibTorch.FindLibTorchFolder(dll));
        Assert.Contains("#r \"nuget: TorchSharp-cpu, 0.107.0\"", error.Message);
        File.WriteAllText(Path.Combine(native, "libtorch_cpu.so"), "");
        Assert.Equal(native, BundledLibTorch.FindLibTorchFolder(dll));
    }

    [Fact]
    public void Preloading_in_this_process_keeps_torch_working()
    {
        // The test host loads TorchSharp through its deps.json; preloading the same libraries again is harmless.
        string description = BundledLibTorch.Preload();
        Assert.Contains(BundledLibTorch.LibTorchVersion, description);
        using var x = TorchSharp.torch.ones(3);
        Assert.Equal(3f, x.sum().item<float>());
    }
}

public class NotebookProfileTests
{
    [Fact]
    public void Parses_quick_and_paper_and_chooses_per_profile()
    {
        Assert.Equal(2, NotebookProfile.Parse("quick").Choose(quick: 2, paper: 100));
        Assert.Equal(100, NotebookProfile.Parse("paper").Choose(quick: 2, paper: 100));
        Assert.True(NotebookProfile.Quick.IsQuick);
        var error = Assert.Throws<ArgumentException>(() => NotebookProfile.Parse("fast"));
        Assert.Contains("\"quick\"", error.Message);
    }

    [Fact]
    public void A_quick_profile_stops_saving_figures_and_a_paper_profile_keeps_the_folder()
    {
        var before = NotebookFormatters.FiguresDirectory;
        try
        {
            NotebookFormatters.FiguresDirectory = "/somewhere/results/figures";
            NotebookProfile.Parse("paper");
            Assert.Equal("/somewhere/results/figures", NotebookFormatters.FiguresDirectory);
            NotebookProfile.Parse("quick");
            Assert.Null(NotebookFormatters.FiguresDirectory);
        }
        finally
        {
            NotebookFormatters.FiguresDirectory = before;
        }
    }
}

public class NotebookFormattersTests
{
    [Fact]
    public void A_figure_displays_as_its_png_and_a_caption_with_the_reason_it_is_static()
    {
        string description = NotebookFormatters.Register();
        Assert.StartsWith("figures: ", description);
        var figure = LineCharts.Lines("f", new ChartLabels("a title"), [new LineSeries("s", [0.0, 1.0], [1.0, 0.0])], FigureRenderer.PngOnly);

        Assert.Equal(Convert.ToBase64String(figure.Png), figure.ToDisplayString("image/png"));
        Assert.StartsWith("a title (interactive chart not requested", figure.ToDisplayString("text/plain"));
        Assert.Contains("image/png", Formatter.GetPreferredMimeTypesFor(typeof(Figure)));
        // Without an interactive chart, Plotly's JSON carries the PNG as the layout image.
        var json = System.Text.Json.Nodes.JsonNode.Parse(figure.ToDisplayString(NotebookFormatters.PlotlyMimeType))!;
        Assert.Equal("data:image/png;base64," + Convert.ToBase64String(figure.Png), (string?)json["layout"]!["images"]![0]!["source"]);
    }

    [Fact]
    public void A_figure_with_an_interactive_chart_displays_it_as_plotly_json()
    {
        NotebookFormatters.Register();
        var figure = LineCharts.Lines("g", new ChartLabels("interactive"), [new LineSeries("s", [0.0, 1.0], [1.0, 0.0])]);
        Assert.NotNull(figure.Interactive); // the test host has FSharp.Core 10.1
        Assert.Equal(NotebookFormatters.PlotlyMimeType, Formatter.GetPreferredMimeTypesFor(typeof(Figure)).First());
        var json = System.Text.Json.Nodes.JsonNode.Parse(figure.ToDisplayString(NotebookFormatters.PlotlyMimeType))!;
        Assert.Equal("scatter", (string?)json["data"]![0]!["type"]);
        Assert.Equal(new[] { 1.0, 0.0 }, json["data"]![0]!["y"]!.AsArray().Select(v => (double)v!));
    }
}

public class ShownPathTests
{
    [Theory]
    [InlineData("/home/ana/clone/runs/ng20/doc2hash-32b", "runs/ng20/doc2hash-32b")]
    [InlineData("/home/ana/clone", ".")]
    [InlineData("/home/ana/clone/../clone2/runs", "~/clone2/runs")]     // a sibling of the clone: under home
    [InlineData("/home/ana/clone2", "~/clone2")]                        // a name that only starts like the clone's
    [InlineData("/home/ana/..cache/x", "~/..cache/x")]                  // '..' as a name prefix is still inside
    [InlineData("/home/ana", "~")]
    [InlineData("/opt/data/ng20", "/opt/data/ng20")]
    public void Shows_paths_relative_to_the_clone_then_home_else_in_full(string path, string shown)
    {
        if (!OperatingSystem.IsLinux()) return; // the cases are written with Unix separators
        Assert.Equal(shown, ShownPath.Of(path, cloneRoot: "/home/ana/clone", home: "/home/ana"));
    }

    [Fact]
    public void Without_a_clone_or_home_the_full_path_is_shown()
    {
        string full = Path.GetFullPath(Path.Combine(Path.GetTempPath(), "x", "y"));
        Assert.Equal(full, ShownPath.Of(full, cloneRoot: null, home: null));
    }

    [Fact]
    public void The_clone_root_is_the_nearest_folder_holding_the_solution()
    {
        using var root = new Doc2Hash.Tests.Data.TempFolder();
        string notebooks = Path.Combine(root.Path, "notebooks", "sub");
        Directory.CreateDirectory(notebooks);
        Assert.NotEqual(root.Path, ShownPath.CloneRoot(notebooks)); // no marker yet: some folder above, or null
        File.WriteAllText(Path.Combine(root.Path, ShownPath.CloneMarker), "");
        Assert.Equal(Path.GetFullPath(root.Path), ShownPath.CloneRoot(notebooks));
        Assert.Equal("notebooks/sub", ShownPath.Of(notebooks, ShownPath.CloneRoot(notebooks), home: null));
    }
}
