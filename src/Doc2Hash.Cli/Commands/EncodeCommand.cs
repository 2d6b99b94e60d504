using System.CommandLine;
using Doc2Hash.Data.Formats;
using Doc2Hash.Experiments;
using Doc2Hash.Training;

namespace Doc2Hash.Cli.Commands;

/// <summary>`doc2hash encode RUN --out codes.npy`: binary codes of every split from a run's learned method (any catalog method).</summary>
internal static class EncodeCommand
{
    public static Command Create()
    {
        var runPath = new Argument<string>("run") { Description = "A run folder written by `doc2hash train` or `reproduce`." };
        var output = new Option<string>("--out") { Description = "Output path; one file per split is written next to it: <name>.train.<ext>, <name>.validation.<ext>, <name>.test.<ext>.", Required = true };
        var device = CliOptions.Device();
        var force = new Option<bool>("--force") { Description = "Replace existing output files (all three at once, atomically)." };
        var command = new Command("encode", "Encode every split of the run's dataset with its learned method (neural: the best checkpoint, deterministic codes in evaluation mode).");
        command.Arguments.Add(runPath);
        command.Options.Add(output);
        command.Options.Add(device);
        command.Options.Add(force);
        command.SetAction(parse => {
            var run = RunFolder.Open(parse.GetValue(runPath)!);
            string outputPath = parse.GetValue(output)!;
            bool overwrite = parse.GetValue(force);
            var torchDevice = TorchEnvironment.ResolveDevice(parse.GetValue(device)!);
            CheckOutputs(outputPath, overwrite);   // refused before the data is loaded and the codes computed
            var data = NeuralRunSupport.LoadDataset(run.ReadConfig().Dataset);
            var files = Experiment.Encode(run, data, torchDevice).Select(c => (Path: SplitPath(outputPath, c.Key, ".npy"), Codes: c.Value)).ToList();
            PackedCodesNpy.WriteAll(files, overwrite);
            foreach (var (path, codes) in files)
                Console.WriteLine($"{codes.Count,7} codes x {codes.Bits} bits -> {path}");
            return 0;
        });
        return command;
    }

    /// <summary>
    /// Without --force an existing output is an error before any work: the three files (NumPy uint8 arrays of shape
    /// (n, ceil(bits/8)) in numpy.packbits bit order, which numpy.unpackbits and FAISS binary indexes read) are written
    /// as one set by <see cref="PackedCodesNpy.WriteAll"/>, all or nothing, so old and new codes are never mixed.
    /// </summary>
    private static void CheckOutputs(string output, bool overwrite)
    {
        var existing = Splits.Select(s => SplitPath(output, s, ".npy")).Where(File.Exists).ToList();
        if (!overwrite && existing.Count > 0)
            throw new IOException($"{string.Join(", ", existing.Select(p => $"'{p}'"))} already exist{(existing.Count == 1 ? "s" : "")}; " +
                                  "nothing was written. Pass --force to replace the codes (all three files at once), or choose another --out.");
    }

    private static readonly string[] Splits = ["train", "validation", "test"];

    /// <summary>codes.npy + "test" -> codes.test.npy (in the same folder).</summary>
    private static string SplitPath(string output, string split, string extension)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
        return Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(output)}.{split}{extension}");
    }
}
