using System.Runtime.CompilerServices;

namespace Doc2Hash.Reporting.Figures;

/// <summary>
/// The one place that calls into Plotly.NET. Plotly.NET needs FSharp.Core 10.1, which some hosts do not provide
/// (the .NET Interactive Jupyter kernel 1.0.712001 ships an older one); there, any method that mentions a Plotly.NET
/// type fails to JIT with <see cref="FileLoadException"/> or <see cref="FileNotFoundException"/>, thrown at its
/// call site. This method mentions no Plotly.NET type and is never inlined, so such a failure surfaces inside its
/// try block and becomes a one-line reason; the PNG, drawn without Plotly.NET, is unaffected. Other exceptions are
/// bugs and propagate.
/// </summary>
public static class InteractiveGuard
{
    [MethodImpl(MethodImplOptions.NoInlining)]
    public static InteractiveChart? TryRender(Func<IInteractiveBackend> backend, ChartDefinition chart, FigureStyle style, out string? unavailableReason)
    {
        ArgumentNullException.ThrowIfNull(backend);
        try
        {
            var rendered = backend().Render(chart, style);
            unavailableReason = null;
            return rendered;
        }
        catch (Exception e) when (IsLoadFailure(e))
        {
            unavailableReason = Describe(e);
            return null;
        }
    }

    /// <summary>Assembly load and type binding failures, also when wrapped by a failing static constructor.</summary>
    public static bool IsLoadFailure(Exception e) => e switch
    {
        FileLoadException or FileNotFoundException or TypeLoadException or MissingMethodException or MissingFieldException or BadImageFormatException => true,
        TypeInitializationException { InnerException: { } inner } => IsLoadFailure(inner),
        _ => false,
    };

    private static string Describe(Exception e)
    {
        var root = e is TypeInitializationException { InnerException: { } inner } ? inner : e;
        string message = root.Message.ReplaceLineEndings(" ").Trim();
        return $"interactive chart unavailable: Plotly.NET could not load here ({root.GetType().Name}: {message}); the PNG is complete";
    }
}
