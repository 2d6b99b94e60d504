using System.Text.RegularExpressions;
using Doc2Hash.Data.Acquisition;
using Doc2Hash.IO;

namespace Doc2Hash.Tests.Fuzzing;

/// <summary>What running a reader on one input gave: success, one of the kit's typed data errors, or a failure.</summary>
internal sealed partial record FuzzOutcome(bool Failed, string Signature, string Detail)
{
    public static FuzzOutcome Success { get; } = new(false, "ok", "");

    /// <summary>Read without an exception; <paramref name="note"/> is what the reader reported (e.g. why a cache is unusable).</summary>
    public static FuzzOutcome Read(string? note) => note is null ? Success : new(false, $"ok: {Shape(note)}", note);

    /// <summary>
    /// The kit's data errors are the accepted ends of a bad input: <see cref="DataFormatException"/> (malformed files,
    /// incl. MatFormatException) and <see cref="DataSourceException"/> (damaged archives). Anything else is a bug.
    /// </summary>
    public static FuzzOutcome From(Exception error)
    {
        bool typed = error is DataFormatException or DataSourceException;
        return new(!typed, $"{error.GetType().Name}: {Shape(error.Message)}", error.ToString());
    }

    public static FuzzOutcome Hang(TimeSpan limit) => new(true, $"hang: no result within {limit.TotalSeconds:0} s", "");

    public static FuzzOutcome Memory(long bytes, long cap) =>
        new(true, $"memory: {bytes / (1 << 20)} MB allocated for one input (cap {cap / (1 << 20)} MB)", "");

    /// <summary>The message with paths, quoted text and numbers blurred, so outcomes group by kind (a novelty signal).</summary>
    private static string Shape(string message)
    {
        string shape = QuotedOrPath().Replace(message, "'_'");
        shape = Number().Replace(shape, "N");
        return shape.Length <= 160 ? shape : shape[..160];
    }

    [GeneratedRegex(@"'[^']*'|/[^\s,:;]+")]
    private static partial Regex QuotedOrPath();

    [GeneratedRegex(@"-?\d+")]
    private static partial Regex Number();
}
