using Doc2Hash.Cli.Commands;
using Doc2Hash.Experiments;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Tests.Data;
using Doc2Hash.Tests.TestSupport;
using Doc2Hash.Training;

namespace Doc2Hash.Tests.Cli;

/// <summary>`encode` never overwrites without --force and writes its three files as one set; `train --resume` leaves a finished run alone and refuses a failed one.</summary>
public class RunCommandsTests
{
    /// <summary>A finished LSH run on the synthetic corpus (seconds, no torch training).</summary>
    private static RunFolder FinishedRun(TempFolder temp) =>
        Experiment.Train(MethodCatalog.Configure("lsh", NeuralRunSupport.SyntheticSmall, 16, new Dictionary<string, string> { ["k"] = "10" }),
            NeuralRunSupport.LoadDataset(NeuralRunSupport.SyntheticSmall), temp.File("runs")).Run;

    private static string[] CodeFiles(TempFolder temp) => [temp.File("out/codes.train.npy"), temp.File("out/codes.validation.npy"), temp.File("out/codes.test.npy")];

    [Fact]
    [BadInput("encode", "an output file that already exists (one of the three), without --force", "IOException: '...codes.test.npy' already exists; nothing was written. Pass --force to replace the codes (all three files at once), or choose another --out.")]
    [BadInput("encode --force", "existing outputs replaced", "all three files replaced as one set (PackedCodesNpy.WriteAll, all or nothing)")]
    public void Encode_refuses_existing_outputs_without_force_and_replaces_the_set_with_it()
    {
        using var temp = new TempFolder();
        var run = FinishedRun(temp);
        string output = temp.File("out/codes.npy");
        var files = CodeFiles(temp);

        // One of the three outputs exists (a mixed set in the making): nothing is written, the old file is kept.
        Directory.CreateDirectory(temp.File("out"));
        File.WriteAllBytes(files[2], [1, 2, 3]);
        var refused = Assert.Throws<IOException>(() => Cli.Invoke(EncodeCommand.Create(), run.Path, "--out", output));
        Assert.Contains("codes.test.npy' already exists; nothing was written. Pass --force", refused.Message);
        Assert.False(File.Exists(files[0]) || File.Exists(files[1]));
        Assert.Equal([1, 2, 3], File.ReadAllBytes(files[2]));

        Assert.Equal(0, Cli.Invoke(EncodeCommand.Create(), run.Path, "--out", output, "--force"));
        var codes = Experiment.Encode(run, NeuralRunSupport.LoadDataset(NeuralRunSupport.SyntheticSmall));
        Assert.Equal(codes["test"].Count, Doc2Hash.Data.Formats.PackedCodesNpy.Read(files[2], 16).Count);
        var written = files.Select(File.ReadAllBytes).ToArray();

        // All three exist now: refused again, every byte kept; --force rewrites them (same run, same codes).
        var before = Cli.Snapshot(temp.File("out"));
        Assert.Throws<IOException>(() => Cli.Invoke(EncodeCommand.Create(), run.Path, "--out", output));
        Cli.AssertUnchanged(before, temp.File("out"));
        Assert.Equal(0, Cli.Invoke(EncodeCommand.Create(), run.Path, "--out", output, "--force"));
        Assert.Equal(written, files.Select(File.ReadAllBytes).ToArray());
        Assert.Equal(3, Directory.GetFiles(temp.File("out"), "*", SearchOption.AllDirectories).Length);   // no temporary or backup file left
    }

    [Fact]
    [BadInput("train --resume", "a finished run", "left alone: \"... already finished; nothing to resume and nothing was changed\", exit 0, every file's bytes and time unchanged")]
    public void Resuming_a_finished_run_changes_nothing_and_says_so()
    {
        using var temp = new TempFolder();
        var run = FinishedRun(temp);
        var before = Cli.Snapshot(run.Path);
        var (code, output, error) = Cli.Run("train", "--resume", run.Path);
        Assert.Equal((0, ""), (code, error));
        Assert.Contains($"{run.Path} already finished; nothing to resume and nothing was changed.", output);
        Cli.AssertUnchanged(before, run.Path);

        Assert.Equal(before[RunFolder.SummaryFile].Bytes, File.ReadAllBytes(Path.Combine(run.Path, RunFolder.SummaryFile)));
        Experiment.Resume(run, NeuralRunSupport.LoadDataset(NeuralRunSupport.SyntheticSmall));   // the library leaves it alone too
        Cli.AssertUnchanged(before, run.Path);
    }

    [Fact]
    [BadInput("train --resume", "a run marked failed (diverged)", "refused, one paragraph: error: Run '...' failed (TrainingDivergedException: Training diverged at epoch 1, step 3: ...) and cannot be resumed; start a new run with other settings. Exit 1")]
    public void Resuming_a_failed_run_is_refused_with_its_failure_in_one_paragraph()
    {
        using var temp = new TempFolder();
        var config = MethodCatalog.Configure("doc2hash", NeuralRunSupport.SyntheticSmall, 8);
        var run = RunFolder.Create(temp.File("runs"), config, DateTime.UtcNow);
        var diverged = new TrainingDivergedException(0, 3, "reconstruction", double.NaN);
        run.MarkFailed(diverged);
        var before = Cli.Snapshot(run.Path);

        var (code, output, error) = Cli.Run("train", "--resume", run.Path);
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.Equal($"error: Run '{run.Path}' failed (TrainingDivergedException: {diverged.Message.ReplaceLineEndings(" ")}) and cannot be resumed; start a new run with other settings.\n", error.ReplaceLineEndings("\n"));
        Cli.AssertUnchanged(before, run.Path);
    }
}
