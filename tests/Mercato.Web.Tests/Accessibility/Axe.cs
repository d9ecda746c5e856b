using System.Text.Json;
using Mercato.Testing;
using Microsoft.Playwright;

namespace Mercato.Web.Tests.Accessibility;

/// <summary>
/// axe-core (npm, installed by the test command into this folder's node_modules) run inside a page:
/// the violations it finds, with their impact.
/// </summary>
public static class Axe
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private static readonly Lazy<string> Source = new(() =>
    {
        var path = Path.Combine(RepoPaths.Root, "tests", "Mercato.Web.Tests", "Accessibility", "node_modules", "axe-core", "axe.min.js");
        return File.Exists(path)
            ? File.ReadAllText(path)
            : throw new InvalidOperationException($"axe-core is missing at {path}: run 'npm ci' in tests/Mercato.Web.Tests/Accessibility (scripts/test.sh does).");
    });

    /// <summary>The violations on the page now (WCAG 2.1 A and AA rules and best practices).</summary>
    public static async Task<IReadOnlyList<AxeViolation>> RunAsync(IPage page)
    {
        await page.AddScriptTagAsync(new PageAddScriptTagOptions { Content = Source.Value });
        var found = await page.EvaluateAsync<JsonElement>(
            """
            async () => {
              const result = await axe.run(document, { runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'] }, resultTypes: ['violations'] });
              return result.violations.map(v => ({ id: v.id, impact: v.impact || 'minor', help: v.help, targets: v.nodes.slice(0, 5).map(n => n.target.join(' ')) }));
            }
            """);
        return found.Deserialize<List<AxeViolation>>(Json) ?? [];
    }
}
