using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace Mercato.Platform.Tests.OpenApi;

/// <summary>The interactive reference page as a browser receives it: its scripts, nonce and documents.</summary>
internal sealed partial record DocsPage(string Html, string ContentSecurityPolicy)
{
    /// <summary>Fetches <c>/api/docs</c> (following its redirect to the trailing-slash form).</summary>
    public static async Task<DocsPage> GetAsync(HttpClient client)
    {
        var response = await client.GetAsync(new Uri("/api/docs", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("text/html", response.Content.Headers.ContentType?.MediaType);
        var csp = string.Join(' ', response.Headers.GetValues("Content-Security-Policy"));
        return new DocsPage(await response.Content.ReadAsStringAsync(), csp);
    }

    /// <summary>The <c>src</c> of every script tag.</summary>
    public IReadOnlyList<string> ScriptSources => ScriptSource().Matches(Html).Select(m => m.Groups["src"].Value).ToList();

    /// <summary>The <c>nonce</c> of every script tag.</summary>
    public IReadOnlyList<string> ScriptNonces => ScriptNonce().Matches(Html).Select(m => m.Groups["nonce"].Value).ToList();

    /// <summary>Number of script tags.</summary>
    public int ScriptCount => ScriptTag().Count(Html);

    /// <summary>The documents the page offers, as (title, url) in order.</summary>
    public IReadOnlyList<(string Title, string Url)> Sources
    {
        get
        {
            var match = Configuration().Match(Html);
            Assert.True(match.Success, "The page carries no configuration object");
            using var json = JsonDocument.Parse(match.Groups["json"].Value);
            return json.RootElement.GetProperty("sources").EnumerateArray()
                .Select(s => (s.GetProperty("title").GetString()!, s.GetProperty("url").GetString()!))
                .ToList();
        }
    }

    [GeneratedRegex("<script\\b[^>]*\\bsrc=\"(?<src>[^\"]+)\"")]
    private static partial Regex ScriptSource();

    [GeneratedRegex("<script\\b[^>]*\\bnonce=\"(?<nonce>[^\"]+)\"")]
    private static partial Regex ScriptNonce();

    [GeneratedRegex("<script\\b")]
    private static partial Regex ScriptTag();

    [GeneratedRegex("^\\s*(?<json>\\{\"[^\\n]*\"sources\"[^\\n]*\\}),\\s*$", RegexOptions.Multiline)]
    private static partial Regex Configuration();
}
