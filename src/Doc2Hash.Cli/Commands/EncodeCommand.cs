using System.CommandLine;
using Doc2Hash.Data.Formats;
using Doc2Hash.Experiments;
using Doc2Hash.Retrieval;
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
        var command = new Command("encode", "Encode every split of the run's dataset with its learned method (neural: the best checkpoint, deterministic codes in evaluation mode).");
        command.Arguments.Add(runPath);
        command.Options.Add(output);
        command.Options.Add(device);
        command.SetAction(parse => CliErrors.Run(() =>
        {
            var run = RunFolder.Open(parse.GetValue(runPath)!);
            var data = NeuralRunSupport.LoadDataset(run.ReadConfig().Dataset);
            var codes = Experiment.Encode(run, data, TorchEnvironment.ResolveDevice(parse.GetValue(device)!));
            foreach (var (split, splitCodes) in codes)
            {
                var path = WriteCodes(parse.GetValue(output)!, split, splitCodes);
                Console.WriteLine($"{split,-10} {splitCodes.Count,7} codes x {splitCodes.Bits} bits -> {path}");
            }
            return 0;
        }));
        return command;
    }

    /// <summary>
    /// Writes one split's codes as a NumPy uint8 array of shape (n, ceil(bits/8)) in numpy.packbits bit order, which
    /// numpy.unpackbits and FAISS binary indexes read; codes.npy + "test" -> codes.test.npy. Never overwrites.
    /// </summary>
    private static string WriteCodes(string output, string split, BinaryCodes codes)
    {
        var path = SplitPath(output, split, ".npy");
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        PackedCodesNpy.Write(path, codes);
        return path;
    }

    /// <summary>codes.npy + "test" -> codes.test.npy (in the same folder).</summary>
    private static string SplitPath(string output, string split, string extension)
    {
        var folder = Path.GetDirectoryName(Path.GetFullPath(output))!;
        return Path.Combine(folder, $"{Path.GetFileNameWithoutExtension(output)}.{split}{extension}");
    }
}
