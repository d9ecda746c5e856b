using System.Net;
using System.Net.Http.Headers;
using Mercato.Web.Tests.Support;
using Microsoft.Playwright;

namespace Mercato.Web.Tests.Pages;

/// <summary>
/// People get pages, programs get the envelope: a browser asking for a page that does not exist gets
/// an HTML 404 page in the shop's style; the API's paths, and clients that do not ask for HTML, keep
/// the JSON error envelope.
/// </summary>
[Collection(nameof(SharedWebShop))]
public sealed class ErrorPageTests(WebShop shop)
{
    [Fact]
    public async Task A_browser_gets_an_html_not_found_page_with_a_way_back()
    {
        var page = await shop.NewPageAsync();

        var response = await page.GotoAsync("/no-such-page");

        Assert.Equal(404, response!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Page not found");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = "Back to the shop" })).ToHaveAttributeAsync("href", "/");
        Assert.Equal("no-store", response.Headers["cache-control"]);
        await Screenshots.SaveAsync(page, "not-found");
    }

    [Theory]
    [InlineData("/no-such-page", "application/json")]
    [InlineData("/api/v1/no-such-thing", "text/html")]
    [InlineData("/api/v1/no-such-thing", "application/json")]
    public async Task Programs_and_api_paths_keep_the_json_envelope(string path, string accept)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue(accept));

        using var response = await shop.Api.SendAsync(request, TestContext.Current.CancellationToken);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType!.MediaType);
        Assert.Contains("\"NOT_FOUND\"", await response.Content.ReadAsStringAsync(TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Pages_carry_a_strict_content_security_policy_and_the_api_its_deny_all_one()
    {
        using var page = await shop.Api.GetAsync(new Uri("/account/login", UriKind.Relative), TestContext.Current.CancellationToken);
        using var api = await shop.Api.GetAsync(new Uri("/api/v1/categories", UriKind.Relative), TestContext.Current.CancellationToken);

        var pagePolicy = string.Join(';', page.Headers.GetValues("Content-Security-Policy"));
        Assert.Contains("script-src 'self'", pagePolicy, StringComparison.Ordinal);
        Assert.DoesNotContain("unsafe-inline", pagePolicy, StringComparison.Ordinal);
        Assert.Contains("frame-ancestors 'none'", pagePolicy, StringComparison.Ordinal);
        Assert.Equal("default-src 'none'; frame-ancestors 'none'", string.Join(';', api.Headers.GetValues("Content-Security-Policy")));
    }
}
