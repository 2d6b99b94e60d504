using System.Reflection;
using Doc2Hash.Cli.Commands;
using Doc2Hash.IO;
using Doc2Hash.Tests.Data;
using Doc2Hash.Tests.TestSupport;
using Doc2Hash.Training;

namespace Doc2Hash.Tests.Cli;

/// <summary>The one top-level error handler (Program.cs + CliErrors): one paragraph on stderr, a non-zero exit, a stack trace only with --verbose.</summary>
public class CliErrorsTests
{
    private static (int Code, string Text) Report(Exception error, bool verbose = false)
    {
        var output = new StringWriter();
        int code = CliErrors.Report(error, verbose, output);
        return (code, output.ToString());
    }

    [Fact]
    public void A_known_error_is_one_paragraph_with_exit_code_1_and_no_stack_trace()
    {
        Exception[] known =
        [
            new ArgumentException("--lr: 'nan' is not a finite number."),
            new DataFormatException("'a.csv' line 3: bad."),
            new FileNotFoundException("no such file"),
            new InvalidOperationException("Run 'x' failed."),
            new TrainingDivergedException(0, 1, "reconstruction", double.NaN),
        ];
        foreach (var error in known)
        {
            var (code, text) = Report(Throw(error));
            Assert.Equal(CliErrors.Failed, code);
            Assert.Equal($"error: {error.Message.ReplaceLineEndings(" ")}{Environment.NewLine}", text);
        }
    }

    [Fact]
    public void Verbose_adds_the_type_and_stack_trace()
    {
        var (code, text) = Report(Throw(new ArgumentException("bad value")), verbose: true);
        Assert.Equal(1, code);
        Assert.StartsWith("error: bad value" + Environment.NewLine + "System.ArgumentException: bad value", text);
        Assert.Contains("   at ", text);
    }

    [Fact]
    public void An_unknown_exception_is_one_paragraph_saying_it_is_a_fault_with_the_hint_to_use_verbose()
    {
        var (code, text) = Report(Throw(new NullReferenceException("Object reference not set.")));
        Assert.Equal(CliErrors.Unexpected, code);
        Assert.Equal(1, text.Count(c => c == '\n'));
        Assert.StartsWith("error: unexpected NullReferenceException: Object reference not set.", text);
        Assert.Contains("re-run with --verbose", text);
        Assert.DoesNotContain("   at ", text);
    }

    [Fact]
    public void Reflection_wrappers_are_unwrapped_and_multi_line_messages_joined()
    {
        var (code, text) = Report(new TargetInvocationException(new ArgumentException("first line\nsecond line")));
        Assert.Equal((1, "error: first line second line" + Environment.NewLine), (code, text));
    }

    [Fact]
    [BadInput("command line", "any error reaching the CLI (bad option, bad data, failed run, bug)", "one paragraph `error: ...` on stderr, exit 1 (2 for a bug, with the hint to re-run with --verbose); stack trace only with --verbose")]
    public void The_program_reports_errors_once_on_stderr_and_the_stack_trace_only_with_verbose()
    {
        using var temp = new TempFolder();
        var (code, output, error) = Cli.Run("train", "--dataset", "synthetic", "--epochs", "0", "--runs-dir", temp.File("runs"));
        Assert.Equal(1, code);
        Assert.Equal("", output);
        Assert.StartsWith("error: Method 'doc2hash' cannot run with these settings: --epochs must be at least 1 (got 0)", error);
        Assert.Equal(1, error.Count(c => c == '\n'));

        (code, _, error) = Cli.Run("train", "--dataset", "synthetic", "--epochs", "0", "--runs-dir", temp.File("runs"), "--verbose");
        Assert.Equal(1, code);
        Assert.Contains("System.ArgumentException", error);
        Assert.Contains("   at Doc2Hash.", error);
        Assert.False(Directory.Exists(temp.File("runs")));
    }

    private static Exception Throw(Exception error)
    {
        try
        {
            throw error;
        }
        catch (Exception thrown)
        {
            return thrown;
        }
    }
}
