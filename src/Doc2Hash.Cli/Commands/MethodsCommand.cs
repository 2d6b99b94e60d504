using System.CommandLine;
using Doc2Hash.Configuration;
using Doc2Hash.Experiments.Methods;

namespace Doc2Hash.Cli.Commands;

/// <summary>`doc2hash methods`: every catalog method with its paper, kind, preset and the preset's source.</summary>
internal static class MethodsCommand
{
    public static Command Create()
    {
        var bits = new Option<int>("--bits") { Description = "Code length of the presets shown.", DefaultValueFactory = _ => MethodOptions.DefaultBits };
        var command = new Command("methods", "List every hashing method: paper, supervised or not, neural or fitted in one pass, and its preset (the options `train --method NAME` starts from).");
        command.Options.Add(bits);
        command.SetAction(parse => {
            foreach (var method in MethodCatalog.All)
            {
                var preset = method.Preset(parse.GetValue(bits));
                Console.WriteLine($"{method.Name}: {method.Paper}");
                Console.WriteLine($"  {(method.IsSupervised ? "supervised" : "unsupervised")}, {(method.IsNeural ? "neural (shared trainer)" : "fitted in one pass")}");
                Console.WriteLine($"  preset ({method.PresetSource}):");
                Console.WriteLine("    " + string.Join(" ", SettingsSchema.Of(preset).Settings.Select(s => $"--{s.Name} {s.Format(preset)}")));
            }
            return 0;
        });
        return command;
    }
}
