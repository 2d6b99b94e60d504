using System.CommandLine;
using Doc2Hash.Training;

namespace Doc2Hash.Cli.Commands;

/// <summary>`doc2hash info`: versions and whether libtorch loads on this machine.</summary>
internal static class InfoCommand
{
    public static Command Create()
    {
        var command = new Command("info", "Print the kit's version, the TorchSharp/libtorch versions and the compute devices available.");
        command.SetAction(_ =>
        {
            foreach (var (key, value) in TorchEnvironment.Describe())
                Console.WriteLine($"{key,-12} {value}");
            return 0;
        });
        return command;
    }
}
