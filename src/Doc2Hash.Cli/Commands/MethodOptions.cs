using System.CommandLine;
using Doc2Hash.Configuration;
using Doc2Hash.Experiments.Methods;

namespace Doc2Hash.Cli.Commands;

/// <summary>
/// The command-line options of every catalog method, derived from the methods' settings records (names, help,
/// accepted values) and presets (the values quoted in the help): the CLI restates no number and maps no name itself.
/// An option several methods share (--lr, --bits, --seed) is declared once; an option the chosen method does not have
/// is an error naming the method's options. Values are kept as text and parsed by the library
/// (<see cref="MethodCatalog.Configure"/>), so errors and formats are the same for notebooks and the CLI.
/// </summary>
internal sealed class MethodOptions
{
    /// <summary>Code length used for the presets quoted in help, and when --bits is not given.</summary>
    public const int DefaultBits = 32;
    public const string BitsOption = "bits";

    private readonly Dictionary<string, Option<string?>> options;

    public MethodOptions()
    {
        var presets = MethodCatalog.All.Select(m => (m.Name, Settings: (object)m.Preset(DefaultBits))).ToArray();
        options = presets
            .SelectMany(p => SettingsSchema.Of(p.Settings).Settings.Select(s => (Method: p.Name, p.Settings, Setting: s)))
            .GroupBy(x => x.Setting.Name)
            .ToDictionary(g => g.Key, g => Create(g.Key, [.. g.Select(x => x.Setting)], g.Select(x => (x.Method, Value: x.Setting.Format(x.Settings)))));
    }

    public IReadOnlyCollection<Option<string?>> All => options.Values;

    /// <summary>The option called --<paramref name="name"/> (tests and commands that treat one specially, e.g. --bits).</summary>
    public Option<string?> this[string name] => options[name];

    public void AddTo(Command command)
    {
        foreach (var option in options.Values.OrderBy(o => o.Name, StringComparer.Ordinal)) command.Options.Add(option);
    }

    /// <summary>The method options given on a command line parsed by a command these options were added to, by name without dashes ("lr" -> "0.001").</summary>
    public static Dictionary<string, string> Given(ParseResult parse) => Names()
        .Select(name => (Name: name, Value: parse.GetValue<string?>("--" + name)))
        .Where(x => x.Value is not null)
        .ToDictionary(x => x.Name, x => x.Value!);

    /// <summary>--bits when given, else <see cref="DefaultBits"/>.</summary>
    public static int Bits(ParseResult parse)
    {
        if (parse.GetValue<string?>("--" + BitsOption) is not { } text) return DefaultBits;
        try
        {
            return (int)OptionValues.Parse(text, typeof(int));
        }
        catch (ArgumentException e)
        {
            throw new ArgumentException($"--{BitsOption}: {e.Message} Give a code length from 1 to {MethodSettings.MaxBits}.", e);
        }
    }

    /// <summary>Every option name of every catalog method.</summary>
    public static IReadOnlyList<string> Names() =>
        MethodCatalog.All.SelectMany(m => SettingsSchema.Of(m.Preset(DefaultBits)).Settings.Select(s => s.Name)).Distinct().ToArray();

    private static Option<string?> Create(string name, IReadOnlyList<Setting> settings, IEnumerable<(string Method, string Value)> presets)
    {
        // One option serves every method that has a setting of this name, so they must agree on what it accepts.
        var setting = settings[0];
        if (settings.Any(s => s.Type != setting.Type))
            throw new InvalidOperationException($"--{name} means different things to different methods ({string.Join(", ", settings.Select(s => s.Path + ": " + s.Type.Name).Distinct())}); rename one with [OptionName].");
        var option = new Option<string?>("--" + name) { Description = $"{setting.Description} Preset: {PresetText(presets)}." };
        if (setting.Choices.Count > 0) option.AcceptOnlyFromAmong([.. setting.Choices]);
        return option;
    }

    /// <summary>"0.001 (vdsh, vdsh-s), 0.0005 (doc2hash)": each preset value with the methods that use it.</summary>
    private static string PresetText(IEnumerable<(string Method, string Value)> presets) => string.Join("; ", presets
        .GroupBy(p => p.Value)
        .Select(g => $"{g.Key} ({string.Join(", ", g.Select(p => p.Method))})"));
}
