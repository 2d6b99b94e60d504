using Doc2Hash.Cli.Commands;
using Doc2Hash.Configuration;
using Doc2Hash.Experiments.Methods;
using Doc2Hash.Tests.Data;
using Doc2Hash.Tests.TestSupport;

namespace Doc2Hash.Tests.Cli;

/// <summary>
/// `train` validates every option before anything is created: a bad value is one clear error naming the option, and
/// no run folder appears (before, --epochs 0, --tau0 0 and --device cuda left a folder holding only config.json,
/// --threads 0 aborted the process inside libtorch, NaN settings trained to chance and were reported as results).
/// </summary>
public class TrainValidationTests
{
    [Theory]
    [InlineData("--epochs", "0", "--epochs must be at least 1 (got 0)")]
    [InlineData("--tau-initial", "0", "--tau-initial must be a positive temperature (got 0)")]
    [InlineData("--tau-min", "-0.1", "--tau-min must be a positive temperature")]
    [InlineData("--tau-rate", "1.5", "--tau-rate must be in (0, 1] (got 1.5)")]
    [InlineData("--lr", "nan", "--lr: 'nan' is not a finite number")]
    [InlineData("--kl-weight", "Infinity", "--kl-weight: 'Infinity' is not a finite number")]
    [InlineData("--dropout", "1e400", "--dropout: '1e400' is not a finite number")]
    [InlineData("--lr", "-1", "--lr must be positive (got -1)")]
    [InlineData("--bits", "100000", "--bits must be from 1 to 1024 (got 100000)")]
    [InlineData("--bits", "0", "--bits must be from 1 to 1024 (got 0)")]
    [InlineData("--bits", "99999999999", "--bits: '99999999999' is not a valid whole number. Give a code length from 1 to 1024.")]
    [InlineData("--threads", "0", "--threads must be at least 1 (got 0)")]
    [InlineData("--threads", "-2", "--threads must be at least 1 (got -2)")]
    [InlineData("--device", "cuda", "Device 'cuda' was requested but CUDA is not available")]
    [InlineData("--device", "gpu", "--device: 'gpu' is not a torch device; use cpu, cuda, cuda:N or auto.")]
    [BadInput("train options", "--epochs 0", "ArgumentException: Method 'doc2hash' cannot run with these settings: --epochs must be at least 1 (got 0) ... Change that option; no run folder")]
    [BadInput("train options", "--tau-initial 0 (and --tau-min <= 0)", "ArgumentException: --tau-initial must be a positive temperature (got 0); the authors start at 1.0 ...; no run folder")]
    [BadInput("train options", "--tau-rate 1.5 (a temperature that grows)", "ArgumentException: --tau-rate must be in (0, 1] ...; no run folder")]
    [BadInput("train options", "--lr nan, --kl-weight Infinity, --dropout 1e400 (overflows to infinity)", "ArgumentException at parse time: --lr: 'nan' is not a finite number; NaN and infinities are never valid settings")]
    [BadInput("train options", "--lr -1", "ArgumentException: --lr must be positive (got -1); no run folder")]
    [BadInput("train options", "--bits 100000 or 0", "ArgumentException: --bits must be from 1 to 1024 (got 100000); the literature uses 8 to 128 bits")]
    [BadInput("train options", "--bits 99999999999 (overflows int)", "ArgumentException: --bits: '99999999999' is not a valid whole number. Give a code length from 1 to 1024.")]
    [BadInput("train options", "--threads 0 or negative (libtorch used to abort, exit 134)", "ArgumentException: --threads must be at least 1 (got 0); leave it out to let torch choose")]
    [BadInput("train options", "--device cuda without CUDA", "InvalidOperationException: Device 'cuda' was requested but CUDA is not available ... or use --device cpu; no run folder")]
    [BadInput("train options", "--device gpu (not a device name)", "ArgumentException: --device: 'gpu' is not a torch device; use cpu, cuda, cuda:N or auto.")]
    public void A_bad_option_is_one_clear_error_and_creates_no_run_folder(string option, string value, string message)
    {
        using var temp = new TempFolder();
        string runs = temp.File("runs");
        var error = Assert.ThrowsAny<Exception>(() =>
            Cli.Invoke(TrainCommand.Create(), "--dataset", "synthetic", "--runs-dir", runs, option, value));
        Assert.True(CliErrors.IsExpected(error), $"{error.GetType().Name} would be reported as unexpected: {error.Message}");
        Assert.Contains(message, error.Message);
        Assert.DoesNotContain('\n', error.Message);
        Assert.False(Directory.Exists(runs), "a run folder was created");
    }

    [Fact]
    public void Every_method_refuses_non_finite_numbers_and_too_many_bits_through_its_settings_record()
    {
        foreach (var method in MethodCatalog.All)
        {
            var preset = method.Preset(32);
            Assert.Contains("--bits must be from 1 to 1024", Assert.Throws<ArgumentException>(() => method.Preset(MethodSettings.MaxBits + 1).Validate()).Message);
            method.Preset(MethodSettings.MaxBits).Validate();
            foreach (var setting in SettingsSchema.Of(preset).Settings.Where(s => s.Type == typeof(double)))
            {
                var error = Assert.Throws<ArgumentException>(() => setting.With(preset, double.NaN).Validate());
                Assert.Contains($"--{setting.Name}", error.Message);
            }
        }
    }
}
