using System.Net;
using Mercato.Platform.OpenApi;
using Microsoft.AspNetCore.TestHost;

namespace Mercato.Platform.Tests.OpenApi;

/// <summary>
/// <c>/api/docs</c>: an interactive reference that renders from this server alone (bundle,
/// documents) under a content security policy that admits only its own scripts.
/// </summary>
public sealed class ApiReferenceTests(TestHostFactory factory) : IClassFixture<TestHostFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Docs_page_lists_the_combined_and_every_module_document()
    {
        var page = await DocsPage.GetAsync(_client);

        Assert.Contains("<title>Mercato API</title>", page.Html, StringComparison.Ordinal);
        Assert.Equal(
            [("All modules", "openapi/v1.json"), ("Probe", "openapi/probe.json"), ("Audit", "openapi/audit.json"), ("Tally", "openapi/tally.json")],
            page.Sources);
        foreach (var (_, url) in page.Sources)
        {
            var document = await _client.GetAsync(new Uri("/" + url, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, document.StatusCode);
            Assert.Contains("\"openapi\": \"3.1", await document.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }
    }

    [Fact]
    public async Task Docs_page_loads_its_scripts_from_this_server_only()
    {
        var page = await DocsPage.GetAsync(_client);

        Assert.DoesNotContain("http://", page.Html, StringComparison.Ordinal);
        Assert.DoesNotContain("https://", page.Html, StringComparison.Ordinal);
        Assert.Contains("\"withDefaultFonts\":false", page.Html, StringComparison.Ordinal);
        Assert.Contains("\"telemetry\":false", page.Html, StringComparison.Ordinal);
        Assert.NotEmpty(page.ScriptSources);
        foreach (var src in page.ScriptSources)
        {
            Assert.DoesNotContain("//", src, StringComparison.Ordinal);
            var script = await _client.GetAsync(new Uri("/api/docs/" + src, UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, script.StatusCode);
            Assert.Equal("text/javascript", script.Content.Headers.ContentType?.MediaType);
            Assert.True((await script.Content.ReadAsByteArrayAsync()).Length > 1000, $"{src} is empty");
        }
    }

    [Fact]
    public async Task Docs_policy_admits_exactly_the_page_scripts_by_a_fresh_nonce()
    {
        var first = await DocsPage.GetAsync(_client);
        var second = await DocsPage.GetAsync(_client);

        var nonce = Assert.Single(first.ScriptNonces.Distinct());
        Assert.Equal(first.ScriptCount, first.ScriptNonces.Count);
        var scriptSrc = first.ContentSecurityPolicy.Split(';').Select(d => d.Trim()).Single(d => d.StartsWith("script-src ", StringComparison.Ordinal));
        Assert.Equal($"script-src 'self' 'nonce-{nonce}'", scriptSrc);
        Assert.Contains("connect-src 'self'", first.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", first.ContentSecurityPolicy, StringComparison.Ordinal);
        Assert.NotEqual(nonce, Assert.Single(second.ScriptNonces.Distinct()));
    }

    [Fact]
    public async Task Documents_registered_by_a_fronting_host_are_listed_after_the_local_ones()
    {
        // What the gateway does for each module it routes: list the module's document, which it
        // proxies from the module's own process.
        await using var host = new TestHostFactory();
        await using var front = host.WithWebHostBuilder(b => b.ConfigureTestServices(
            s => s.AddApiReferenceDocument(ApiDocumentLink.ForModule("catalog"))));
        using var client = front.CreateClient();

        var page = await DocsPage.GetAsync(client);

        Assert.Equal(
            ["openapi/v1.json", "openapi/probe.json", "openapi/audit.json", "openapi/tally.json", "openapi/catalog.json"],
            page.Sources.Select(s => s.Url));
        Assert.Equal("Catalog", page.Sources[^1].Title);
    }
}
