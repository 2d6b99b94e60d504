using Doc2Hash.Configuration;

namespace Doc2Hash.Experiments.Methods;

/// <summary>
/// Every hashing method the kit knows: the <see cref="IMethodEntry"/> classes of this assembly (found by reflection,
/// so a new method is one new file) plus any registered at run time (<see cref="Register"/>: tests, notebooks, other
/// assemblies). Listed unsupervised before supervised, classic before neural, then by name.
/// </summary>
public static class MethodCatalog
{
    private static readonly Lock Gate = new();
    private static readonly List<IMethodEntry> Registered = [];
    private static readonly IReadOnlyList<IMethodEntry> BuiltIn = typeof(MethodCatalog).Assembly.GetTypes()
        .Where(t => t is { IsAbstract: false, IsClass: true } && typeof(IMethodEntry).IsAssignableFrom(t) && t.GetConstructor(Type.EmptyTypes) is not null)
        .Select(t => (IMethodEntry)Activator.CreateInstance(t)!)
        .ToArray();

    public static IReadOnlyList<IMethodEntry> All
    {
        get
        {
            lock (Gate)
                return BuiltIn.Concat(Registered)
                    .OrderBy(m => m.IsSupervised).ThenBy(m => m.IsNeural).ThenBy(m => m.Name, StringComparer.Ordinal)
                    .ToArray();
        }
    }

    public static IReadOnlyList<string> Names => All.Select(m => m.Name).ToArray();

    /// <summary>The method called <paramref name="name"/>; an error listing the known names otherwise.</summary>
    public static IMethodEntry Get(string name) => All.FirstOrDefault(m => m.Name == name)
        ?? throw new ArgumentException($"Unknown method '{name}'. Known methods: {string.Join(", ", Names)} (`doc2hash methods` describes them).");

    /// <summary>Adds a method defined outside the kit; registering the same name again replaces nothing and is an error unless it is the same type.</summary>
    public static void Register(IMethodEntry method)
    {
        lock (Gate)
        {
            var existing = BuiltIn.Concat(Registered).FirstOrDefault(m => m.Name == method.Name);
            if (existing is not null && existing.GetType() == method.GetType()) return;
            if (existing is not null) throw new ArgumentException($"A method named '{method.Name}' is already in the catalog ({existing.GetType().Name}).");
            Registered.Add(method);
        }
    }

    /// <summary>The settings record type whose "$type" in config.json is <paramref name="kind"/>.</summary>
    public static Type SettingsTypeOf(string kind) =>
        All.Select(m => m.SettingsType).FirstOrDefault(t => MethodSettings.KindOf(t) == kind)
        ?? throw new ArgumentException($"No method in the catalog reads settings of kind '{kind}' (known: {string.Join(", ", All.Select(m => MethodSettings.KindOf(m.SettingsType)).Distinct())}).");

    /// <summary>
    /// A run of <paramref name="method"/>'s preset at <paramref name="bits"/> bits on <paramref name="dataset"/>, with
    /// any option overridden by name (the command-line names, without dashes: "lr" -> "0.001"). Unknown options and
    /// invalid values are errors that name the option and say how to fix it, raised before anything is created.
    /// </summary>
    public static RunConfig Configure(string method, string dataset, int bits = 32, IReadOnlyDictionary<string, string>? options = null, string device = "cpu")
    {
        var entry = Get(method);
        var settings = entry.Preset(bits);
        var schema = SettingsSchema.Of(settings);
        foreach (var (name, text) in options ?? new Dictionary<string, string>())
            settings = schema.Get(name, $"method '{method}'").WithText(settings, text);
        try
        {
            settings.Validate();
        }
        catch (ArgumentException invalid)
        {
            throw new ArgumentException($"Method '{entry.Name}' cannot run with these settings: {invalid.Message} " +
                                        "Change that option; `doc2hash methods` lists every option with its preset value.", invalid);
        }
        return new RunConfig(entry.Name, dataset, settings, device);
    }
}
