using System.Collections.Concurrent;
using Microsoft.Playwright;

namespace Mercato.Web.Tests.Support;

/// <summary>
/// What went wrong in a page that the test would not see on its own: console errors (a script or
/// stylesheet refused by the Content-Security-Policy, a failed load) and server errors (5xx answers).
/// </summary>
public static class Problems
{
    private static readonly ConditionalWeakTableProblems Seen = new();

    /// <summary>Starts recording <paramref name="page"/>'s problems.</summary>
    public static void Watch(IPage page)
    {
        var list = Seen.For(page);
        page.Console += (_, message) =>
        {
            // Test products carry pictures on made-up hosts (https://shop.example/...), which the
            // browser cannot resolve here; the page itself is not at fault for those.
            if (message.Type == "error" && !message.Text.Contains("net::ERR_NAME_NOT_RESOLVED", StringComparison.Ordinal))
            {
                list.Add($"console: {message.Text}");
            }
        };
        page.PageError += (_, error) => list.Add($"script: {error}");
        page.Response += (_, response) =>
        {
            if (response.Status >= 500 || (response.Status == 404 && !response.Url.Contains("/api/", StringComparison.Ordinal)))
            {
                list.Add($"{response.Status} {response.Request.Method} {response.Url}");
            }
        };
    }

    /// <summary>What <paramref name="page"/> has recorded so far.</summary>
    public static IReadOnlyCollection<string> Of(IPage page) => Seen.For(page);

    /// <summary>Fails when <paramref name="page"/> recorded any problem.</summary>
    public static void AssertNone(IPage page)
    {
        var problems = Of(page);
        Assert.True(problems.Count == 0, "The page had problems:\n" + string.Join('\n', problems));
    }

    private sealed class ConditionalWeakTableProblems
    {
        private readonly System.Runtime.CompilerServices.ConditionalWeakTable<IPage, ConcurrentBag<string>> _table = [];

        public ConcurrentBag<string> For(IPage page) => _table.GetOrCreateValue(page);
    }
}
