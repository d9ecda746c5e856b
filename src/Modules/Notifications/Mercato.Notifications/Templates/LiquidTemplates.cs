using System.Collections.Concurrent;
using System.Text.Encodings.Web;
using Fluid;

namespace Mercato.Notifications.Templates;

/// <summary>
/// Parses and renders Liquid with Fluid. Parsed templates are cached by their text; rendering is
/// bounded (steps, recursion), so an administrator's template cannot run away.
/// </summary>
internal static class LiquidTemplates
{
    private static readonly FluidParser Parser = new();
    private static readonly ConcurrentDictionary<string, IFluidTemplate> Parsed = new(StringComparer.Ordinal);
    private static readonly TemplateOptions Options = new() { MaxSteps = 200_000, MaxRecursion = 20 };

    /// <summary>Why <paramref name="source"/> is not valid Liquid, or null when it is.</summary>
    public static string? Check(string source) => Parser.TryParse(source, out _, out var error) ? null : error;

    /// <summary>Renders <paramref name="source"/> with <paramref name="data"/>; HTML-encodes values when <paramref name="html"/>.</summary>
    /// <exception cref="InvalidOperationException">The source is not valid Liquid.</exception>
    public static async Task<string> RenderAsync(string source, IDictionary<string, object?> data, bool html)
    {
        var template = Parsed.GetOrAdd(source, static s => Parser.TryParse(s, out var parsed, out var error)
            ? parsed
            : throw new InvalidOperationException("The template is not valid Liquid: " + error));
        var context = new TemplateContext(Options);
        foreach (var (name, value) in data)
        {
            context.SetValue(name, value);
        }

        return await template.RenderAsync(context, html ? HtmlEncoder.Default : NullEncoder.Default);
    }
}
