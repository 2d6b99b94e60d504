using System.CommandLine;
using System.Globalization;
using Doc2Hash.Experiments.Lab;
using Doc2Hash.Hashing.Relaxations.Lab;

namespace Doc2Hash.Cli.Commands;

/// <summary>`doc2hash lab ...`: the teaching labs' measurements, written as generated result files.</summary>
internal static class LabCommand
{
    public static Command Create()
    {
        var command = new Command("lab", "Teaching labs (the relaxation trick against exact gradients).");
        command.Subcommands.Add(Estimators());
        return command;
    }

    private static Command Estimators()
    {
        var defaults = new RelaxationLabOptions();
        var bits = new Option<int>("--bits") { Description = "Latent bits of the toy model (exact gradients enumerate 2^bits codes; at most 16).", DefaultValueFactory = _ => defaults.Model.Bits };
        var samples = new Option<string>("--samples") { Description = "Comma-separated samples per estimate (S).", DefaultValueFactory = _ => string.Join(',', defaults.Samples) };
        var temperatures = new Option<string>("--temperatures") { Description = "Comma-separated Gumbel-Softmax temperatures.", DefaultValueFactory = _ => string.Join(',', defaults.Temperatures.Select(t => t.ToString(CultureInfo.InvariantCulture))) };
        var repeats = new Option<int>("--repeats") { Description = "Independent estimates per setting (R).", DefaultValueFactory = _ => defaults.Repeats };
        var steps = new Option<int>("--steps") { Description = "Training steps per estimator (0 skips the training comparison).", DefaultValueFactory = _ => defaults.TrainingSteps };
        var trainedSteps = new Option<int>("--trained-steps") { Description = "ARM training steps to the second measurement point (0 skips it).", DefaultValueFactory = _ => defaults.TrainedPointSteps };
        var seed = new Option<int>("--seed") { Description = "Seed of the toy corpus, the starting point and the sampling.", DefaultValueFactory = _ => defaults.Seed };
        var threads = new Option<int>("--threads") { Description = "torch intra-op threads; the lab's tensors are tiny, so 1 (the default) is fastest, by far on a busy machine.", DefaultValueFactory = _ => 1 };
        var output = new Option<string>("--out") { Description = "Markdown report to write (replaced).", DefaultValueFactory = _ => Path.Combine("results", "relaxation-lab.md") };
        var command = new Command("estimators", "Bias and variance of REINFORCE, ARM, straight-through Bernoulli and Gumbel-Softmax against the exact gradient of a toy model, and training with each.");
        foreach (var option in new Option[] { bits, samples, temperatures, repeats, steps, trainedSteps, seed, threads, output }) command.Options.Add(option);
        command.SetAction(parse => {
            TorchSharp.torch.set_num_threads(parse.GetValue(threads));
            var options = defaults with
            {
                Model = defaults.Model with { Bits = parse.GetValue(bits), Seed = parse.GetValue(seed) },
                Samples = [.. List(parse.GetValue(samples)!).Select(s => Number(s, "--samples", int.Parse))],
                Temperatures = [.. List(parse.GetValue(temperatures)!).Select(s => Number(s, "--temperatures", t => double.Parse(t, CultureInfo.InvariantCulture)))],
                Repeats = parse.GetValue(repeats),
                TrainingSteps = parse.GetValue(steps),
                TrainedPointSteps = parse.GetValue(trainedSteps),
                Seed = parse.GetValue(seed),
            };
            var result = RelaxationLab.Run(options, line => Console.WriteLine(line));
            string path = parse.GetValue(output)!;
            RelaxationLab.Write(path, result);
            Console.WriteLine($"wrote {path} ({result.Seconds:F0} s)");
            return 0;
        });
        return command;
    }

    private static IReadOnlyList<string> List(string value) => value.Split(',', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);

    private static T Number<T>(string text, string option, Func<string, T> parse)
    {
        try
        {
            return parse(text);
        }
        catch (FormatException)
        {
            throw new ArgumentException($"{option}: '{text}' is not a number; give a comma-separated list such as 1,10 or 0.5,1.");
        }
    }
}
