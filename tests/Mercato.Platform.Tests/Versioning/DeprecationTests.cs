using System.Net;
using Mercato.Platform.Versioning;
using Mercato.Probe.Notes;
using Mercato.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Platform.Tests.Versioning;

/// <summary>
/// <c>.Deprecated(since, sunset)</c>: the route's answers (errors included) carry <c>Deprecation</c>
/// (RFC 9745, <c>@</c> Unix seconds), <c>Sunset</c> (RFC 8594, an HTTP-date) and a <c>Link</c> with
/// <c>rel="deprecation"</c>; its OpenAPI operation is <c>deprecated</c>; other routes carry none of it.
/// </summary>
public sealed class DeprecationTests(TestHostFactory factory) : IClassFixture<TestHostFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_deprecated_route_answers_with_deprecation_sunset_and_link_headers()
    {
        using var created = await _client.PostJsonAsync("/api/v1/probe/notes", new { text = "old address", priority = 1 });
        var id = (await created.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetString();

        using var response = await _client.CallAsync(HttpMethod.Get, $"/api/v1/probe/notes/legacy/{id}");

        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("@1767225600", Assert.Single(response.Headers.GetValues("Deprecation")));
        Assert.Equal("Fri, 01 Jan 2027 00:00:00 GMT", Assert.Single(response.Headers.GetValues("Sunset")));
        Assert.Equal(1767225600, NotesApi.DeprecatedSince.ToUnixTimeSeconds());
        Assert.Contains("</api/docs>; rel=\"deprecation\"; type=\"text/html\"", response.Headers.GetValues("Link"));
        Assert.Equal("1", Assert.Single(response.Headers.GetValues("X-API-Version")));
    }

    [Fact]
    public async Task An_error_from_a_deprecated_route_carries_the_headers_too()
    {
        using var response = await _client.CallAsync(HttpMethod.Get, $"/api/v1/probe/notes/legacy/{Guid.CreateVersion7()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("@1767225600", Assert.Single(response.Headers.GetValues("Deprecation")));
        Assert.True(response.Headers.Contains("Sunset"));
    }

    [Fact]
    public async Task A_route_that_is_not_deprecated_has_no_deprecation_headers()
    {
        using var response = await _client.CallAsync(HttpMethod.Get, $"/api/v1/probe/notes/{Guid.CreateVersion7()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.False(response.Headers.Contains("Deprecation"));
        Assert.False(response.Headers.Contains("Sunset"));
        Assert.False(response.Headers.Contains("Link"));
    }

    [Fact]
    public async Task The_openapi_operation_of_a_deprecated_route_is_deprecated_and_says_until_when()
    {
        using var response = await _client.GetAsync(new Uri("/openapi/probe.json", UriKind.Relative));
        var paths = (await response.ReadJsonAsync()).GetProperty("paths");

        var legacy = paths.GetProperty("/api/v1/probe/notes/legacy/{id}").GetProperty("get");
        Assert.True(legacy.GetProperty("deprecated").GetBoolean());
        Assert.Contains("removed on 2027-01-01", legacy.GetProperty("description").GetString(), StringComparison.Ordinal);
        var current = paths.GetProperty("/api/v1/probe/notes/{id}").GetProperty("get");
        Assert.False(current.TryGetProperty("deprecated", out var flag) && flag.GetBoolean());
    }

    [Fact]
    public async Task A_sunset_before_the_deprecation_is_refused_when_the_route_is_mapped()
    {
        await using var app = WebApplication.CreateBuilder().Build();
        var route = app.MapGet("/old", () => "old");

        var error = Assert.Throws<ArgumentException>(() => route.Deprecated(new DateTimeOffset(2026, 6, 1, 0, 0, 0, TimeSpan.Zero), new DateTimeOffset(2026, 1, 1, 0, 0, 0, TimeSpan.Zero)));

        Assert.Equal("sunset", error.ParamName);
    }
}
