using Doc2Hash.Data.Acquisition;

namespace Doc2Hash.Cli.Commands;

/// <summary>Turns the library's expected failures (bad input, missing data) into a one-paragraph message and exit code 1.</summary>
internal static class CliErrors
{
    public static int Run(Func<int> action)
    {
        try
        {
            return action();
        }
        catch (Exception e) when (e is ArgumentException or IOException or InvalidDataException or FormatException or InvalidOperationException or DataSourceException)
        {
            Console.Error.WriteLine($"error: {e.Message}");
            return 1;
        }
    }
}
