using System.CommandLine;
using Doc2Hash.Cli.Commands;
using Doc2Hash.Configuration;
using Doc2Hash.Experiments.Methods;

namespace Doc2Hash.Tests.Cli;

/// <summary>`train`'s options are derived from the methods' settings records: one option per setting, defaults = presets.</summary>
public class MethodOptionsTests
{
    public static TheoryData<string> Methods() => [.. MethodCatalog.Names];

    private static Command Train() => TrainCommand.Create();

    [Fact]
    public void Every_setting_of_every_method_is_an_option_of_train_with_help_quoting_the_presets()
    {
        var command = Train();
        foreach (var method in MethodCatalog.All)
            foreach (var setting in SettingsSchema.Of(method.Preset(32)).Settings)
            {
                var option = Assert.Single(command.Options, o => o.Name == "--" + setting.Name);
                // Methods sharing an option name may word its help differently; the first method's wording is shown.
                Assert.Contains(MethodCatalog.All, m => SettingsSchema.Of(m.Preset(32)).Find(setting.Name) is { } s && option.Description!.StartsWith(s.Description, StringComparison.Ordinal));
                Assert.Contains(method.Name, option.Description);
            }
        Assert.Single(command.Options, o => o.Name == "--device");
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Without_options_train_runs_the_preset(string method)
    {
        var parse = Train().Parse(["--method", method, "--dataset", "ng20"]);
        Assert.Empty(parse.Errors);
        var config = TrainCommand.Configure(parse, "ng20");
        Assert.Equal(MethodCatalog.Get(method).Preset(32), config.Settings);
        Assert.Equal(("ng20", "cpu"), (config.Dataset, config.Device));
    }

    [Theory]
    [MemberData(nameof(Methods))]
    public void Every_option_given_on_the_command_line_reaches_the_config(string method)
    {
        var preset = MethodCatalog.Get(method).Preset(32);
        var schema = SettingsSchema.Of(preset);
        // Change every numeric setting so that a dropped option would leave the preset value and fail the comparison.
        var args = new List<string> { "--method", method, "--dataset", "d", "--bits", "16" };
        var expected = MethodCatalog.Get(method).Preset(16);
        foreach (var setting in schema.Settings.Where(s => s.Name != MethodOptions.BitsOption))
        {
            object value = setting.Type == typeof(int) ? (int)setting.Get(preset)! + 1
                : setting.Type == typeof(double) ? (double)setting.Get(preset)! / 2
                : setting.Type.IsEnum ? Enum.GetValues(setting.Type).Cast<object>().Last()
                : setting.Get(preset)!;
            args.AddRange(["--" + setting.Name, OptionValues.Format(value)]);
            expected = setting.With(expected, value);
        }
        var parse = Train().Parse(args);
        Assert.Empty(parse.Errors);
        Assert.Equal(expected, TrainCommand.Configure(parse, "d").Settings);
    }

    [Fact]
    public void An_option_of_another_method_is_an_error_naming_the_method()
    {
        var parse = Train().Parse(["--method", Doc2HashMethod.MethodName, "--dataset", "d", "--label-weight-step", "0.1"]);
        var error = Assert.Throws<ArgumentException>(() => TrainCommand.Configure(parse, "d"));
        Assert.Contains("--label-weight-step does not apply to method 'doc2hash'", error.Message);
    }
}
