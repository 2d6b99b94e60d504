using System.CommandLine;
using System.Reflection;

namespace Doc2Hash.Cli.Commands;

/// <summary>
/// How the one top-level handler (Program.cs) reports an exception that reaches the command line: a single paragraph
/// `error: ...` on stderr and a non-zero exit code, never a stack trace unless --verbose asks for it. The kit's
/// expected failures (bad input, bad options, missing or damaged data, a diverged run) carry messages that already say
/// what, where and how to fix it; anything else is a fault of the kit, reported as such with the hint to re-run with
/// --verbose.
/// </summary>
internal static class CliErrors
{
    /// <summary>Exit code of an expected failure (the same as a command-line parse error).</summary>
    public const int Failed = 1;

    /// <summary>Exit code of an unexpected exception (a bug or an unforeseen fault).</summary>
    public const int Unexpected = 2;

    /// <summary>--verbose: a global option (every command accepts it).</summary>
    public static Option<bool> Verbose { get; } = new("--verbose")
    {
        Description = "On an error, also print the exception's type and stack trace.",
        Recursive = true,
    };

    /// <summary>Writes the paragraph for <paramref name="error"/> (and with <paramref name="verbose"/> its stack trace) and returns the exit code.</summary>
    public static int Report(Exception error, bool verbose, TextWriter output)
    {
        error = Unwrap(error);
        bool expected = IsExpected(error);
        output.WriteLine(expected
            ? $"error: {OneParagraph(error.Message)}"
            : $"error: unexpected {error.GetType().Name}: {OneParagraph(error.Message)} This is a fault of the kit, not of your input; " +
              "re-run with --verbose for the stack trace and report it.");
        if (verbose) output.WriteLine(error.ToString());
        return expected ? Failed : Unexpected;
    }

    /// <summary>
    /// The failures whose messages are written for the user: invalid arguments and options, data and I/O errors
    /// (DataFormatException, DataSourceException, missing files and folders), invalid state such as a failed run or a
    /// diverged training (InvalidOperationException, TrainingDivergedException), and unusable input formats.
    /// </summary>
    public static bool IsExpected(Exception error) =>
        error is ArgumentException or IOException or InvalidDataException or FormatException or InvalidOperationException
            or UnauthorizedAccessException or NotSupportedException or TimeoutException
        && error is not ObjectDisposedException;

    /// <summary>Reflection and task wrappers hide the real error; report the one inside.</summary>
    static Exception Unwrap(Exception error) => error switch
    {
        TargetInvocationException { InnerException: { } inner } => Unwrap(inner),
        AggregateException { InnerExceptions.Count: 1 } aggregate => Unwrap(aggregate.InnerExceptions[0]),
        _ => error,
    };

    static string OneParagraph(string message) => string.Join(' ', message.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
