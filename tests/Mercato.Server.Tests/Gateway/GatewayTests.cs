using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mercato.Server.Tests.Support;
using Mercato.Testing;

namespace Mercato.Server.Tests.Gateway;

/// <summary>
/// <c>--services gateway</c> in front of a real backend process: requests, headers, bodies and
/// statuses pass through untouched; the gateway answers for itself only when no service owns
/// the path (404) or the owner cannot be reached (503), always in the error envelope.
/// </summary>
public sealed partial class GatewayTests(GatewayFixture fixture) : IClassFixture<GatewayFixture>
{
    private const string CorrelationHeader = "X-Correlation-Id";

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    [Fact]
    public async Task A_post_through_the_gateway_creates_the_note_and_returns_the_backends_answer()
    {
        using var created = await fixture.Gateway.Client.PostJsonAsync("/api/v1/probe/notes", new { text = "via gateway", priority = 4 });

        Assert.Equal(HttpStatusCode.Created, created.StatusCode);
        var body = await created.ReadJsonAsync();
        Assert.True(body.GetProperty("success").GetBoolean());
        Assert.Equal("Note created", body.GetProperty("message").GetString());
        var note = body.GetProperty("data");
        Assert.Equal("via gateway", note.GetProperty("text").GetString());
        Assert.Equal(4, note.GetProperty("priority").GetInt32());
        var location = created.Headers.Location;
        Assert.Equal($"/api/v1/probe/notes/{note.GetProperty("id").GetString()}", location?.OriginalString);

        // The note is stored in the backend: reading it there gives exactly what the gateway returned.
        using var stored = await fixture.Backend.Client.GetAsync(location, Ct);
        Assert.Equal(HttpStatusCode.OK, stored.StatusCode);
        Assert.Equal(note.GetRawText(), (await stored.ReadJsonAsync()).GetProperty("data").GetRawText());
    }

    [Fact]
    public async Task A_successful_read_is_the_backends_response_byte_for_byte_apart_from_its_timestamp()
    {
        using var created = await fixture.Backend.Client.PostJsonAsync("/api/v1/probe/notes", new { text = "read me", priority = 2 });
        var path = created.Headers.Location!.OriginalString;

        var (direct, viaGateway) = await SendToBothAsync(HttpMethod.Get, path);

        Assert.Equal(HttpStatusCode.OK, viaGateway.Status);
        AssertSameResponse(direct, viaGateway);
    }

    [Theory]
    [InlineData("POST", "/api/v1/probe/notes", "{\"text\":\"\",\"priority\":9,\"email\":\"not-an-email\"}", "application/json", 400)]
    [InlineData("POST", "/api/v1/probe/notes", "{\"text\":", "application/json", 400)]
    [InlineData("POST", "/api/v1/probe/notes", "text=hello", "text/plain", 415)]
    [InlineData("GET", "/api/v1/probe/notes/0196a0e4-7a3c-7c4e-9d1a-3f0b1c2d3e4f", null, null, 404)]
    [InlineData("GET", "/api/v1/probe/whoami", null, null, 401)]
    [InlineData("DELETE", "/api/v1/probe/notes", null, null, 405)]
    [InlineData("GET", "/api/v1/probe/boom", null, null, 500)]
    [InlineData("GET", "/api/v1/audit/entries?noteId=not-a-guid", null, null, 400)]
    public async Task Backend_errors_pass_through_with_status_headers_and_body_unchanged(
        string method, string path, string? body, string? contentType, int status)
    {
        var (direct, viaGateway) = await SendToBothAsync(new HttpMethod(method), path, body, contentType);

        Assert.Equal((HttpStatusCode)status, direct.Status);
        AssertSameResponse(direct, viaGateway);
        using var envelope = JsonDocument.Parse(viaGateway.Body);
        Assert.False(envelope.RootElement.GetProperty("success").GetBoolean());
        Assert.Equal(path.Split('?')[0], envelope.RootElement.GetProperty("path").GetString());
    }

    [Fact]
    public async Task A_client_supplied_correlation_id_reaches_the_backend_and_comes_back()
    {
        var id = "gw-test-" + Guid.NewGuid().ToString("N");
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/probe/correlation");
        request.Headers.Add(CorrelationHeader, id);

        using var response = await fixture.Gateway.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(id, Assert.Single(response.Headers.GetValues(CorrelationHeader)));
        Assert.Equal(id, (await response.ReadJsonAsync()).GetProperty("data").GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task Without_a_correlation_id_the_gateway_generates_one_that_the_backend_uses_and_echoes()
    {
        using var response = await fixture.Gateway.Client.GetAsync(new Uri("/api/v1/probe/correlation", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var echoed = Assert.Single(response.Headers.GetValues(CorrelationHeader));
        Assert.Matches("^[0-9a-f]{32}$", echoed);
        Assert.Equal(echoed, (await response.ReadJsonAsync()).GetProperty("data").GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task An_unacceptable_correlation_id_is_replaced_at_the_gateway_and_the_backend_sees_the_replacement()
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/probe/correlation");
        request.Headers.TryAddWithoutValidation(CorrelationHeader, new string('x', 200));

        using var response = await fixture.Gateway.Client.SendAsync(request, Ct);

        var echoed = Assert.Single(response.Headers.GetValues(CorrelationHeader));
        Assert.Matches("^[0-9a-f]{32}$", echoed);
        Assert.Equal(echoed, (await response.ReadJsonAsync()).GetProperty("data").GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task The_authorization_header_is_passed_on_to_the_backend()
    {
        var subject = "user-" + Guid.NewGuid().ToString("N")[..8];
        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/probe/whoami");
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", fixture.Issuer.UserToken(subject, "Customer"));

        using var response = await fixture.Gateway.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(subject, data.GetProperty("sub").GetString());
        Assert.Equal(["Customer"], data.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).ToArray());
    }

    [Fact]
    public async Task The_backends_403_for_an_insufficient_role_passes_through()
    {
        var token = fixture.Issuer.UserToken("customer-1", "Customer");
        var (direct, viaGateway) = await SendToBothAsync(HttpMethod.Get, "/api/v1/probe/admin", bearer: token);

        Assert.Equal(HttpStatusCode.Forbidden, viaGateway.Status);
        AssertSameResponse(direct, viaGateway);
    }

    [Fact]
    public async Task An_oversized_body_is_refused_with_413_in_the_envelope()
    {
        var text = new string('a', 2 * 1024 * 1024);
        using var response = await fixture.Gateway.Client.PostJsonAsync("/api/v1/probe/notes", new { text, priority = 1 });

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["PAYLOAD_TOO_LARGE"], error.ErrorCodes());
        Assert.Equal("/api/v1/probe/notes", error.GetProperty("path").GetString());
    }

    [Fact]
    public async Task Query_strings_reach_the_backend()
    {
        using var response = await fixture.Gateway.Client.GetAsync(new Uri("/api/v1/probe/slow?ms=25", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(25, (await response.ReadJsonAsync()).GetProperty("data").GetProperty("waitedMs").GetInt32());
    }

    [Theory]
    [InlineData("/api/v1/nothing-here")]
    [InlineData("/api/v1/probes")]
    [InlineData("/api/v2/probe/notes")]
    [InlineData("/no-service-here")]
    public async Task A_path_no_service_owns_gets_the_gateways_own_404_envelope(string path)
    {
        using var response = await fixture.Gateway.Client.GetAsync(new Uri(path, UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["NOT_FOUND"], error.ErrorCodes());
        Assert.Equal(path, error.GetProperty("path").GetString());
        Assert.Single(response.Headers.GetValues(CorrelationHeader));
    }

    [Theory]
    [InlineData("GET", "/api/v1/offline/things")]
    [InlineData("POST", "/api/v1/offline/things")]
    [InlineData("GET", "/api/v1/unconfigured")]
    [InlineData("GET", "/api/v1/unconfigured/things/1")]
    // The site's root is the storefront's (the web service, not configured in this deployment).
    [InlineData("GET", "/")]
    public async Task A_service_that_cannot_be_reached_answers_503_service_unavailable(string method, string path)
    {
        using var request = new HttpRequestMessage(new HttpMethod(method), path);
        if (method == "POST")
        {
            request.Content = new StringContent("{\"name\":\"x\"}", Encoding.UTF8, "application/json");
        }

        using var response = await fixture.Gateway.Client.SendAsync(request, Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["SERVICE_UNAVAILABLE"], error.ErrorCodes());
        Assert.Equal(path, error.GetProperty("path").GetString());
        Assert.Single(response.Headers.GetValues(CorrelationHeader));
    }

    [Fact]
    public async Task The_gateway_needs_no_database()
    {
        using var ready = await fixture.Gateway.Client.GetAsync(new Uri("/health/ready", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
        Assert.Empty(Directory.EnumerateFileSystemEntries(fixture.GatewayDir.Path, "*", SearchOption.AllDirectories));
    }

    [Fact]
    public async Task Routed_services_openapi_documents_are_served_and_offered_in_the_gateways_docs()
    {
        using var response = await fixture.Gateway.Client.GetAsync(new Uri("/openapi/probe.json", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var paths = (await response.ReadJsonAsync()).GetProperty("paths");
        Assert.True(paths.TryGetProperty("/api/v1/probe/notes", out _), paths.GetRawText());

        // The gateway's interactive docs offer every routed service's document.
        var docs = await fixture.Gateway.Client.GetStringAsync(new Uri("/api/docs", UriKind.Relative), Ct);
        Assert.Contains("openapi/probe.json", docs, StringComparison.Ordinal);
        // The test Audit service is reached through the Logs module's route (/api/v1/audit).
        Assert.Contains("openapi/logs.json", docs, StringComparison.Ordinal);
        Assert.DoesNotContain("openapi/unconfigured.json", docs, StringComparison.Ordinal);
    }

    [Fact]
    public async Task The_merged_document_answers_503_naming_a_routed_service_that_is_down()
    {
        using var response = await fixture.Gateway.Client.GetAsync(new Uri("/openapi/v1.json", UriKind.Relative), Ct);

        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["SERVICE_UNAVAILABLE"], error.ErrorCodes());
        Assert.Equal(["offline"], error.ErrorFields());
        Assert.Contains("offline", error.GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private async Task<(Captured Direct, Captured ViaGateway)> SendToBothAsync(
        HttpMethod method, string path, string? body = null, string? contentType = null, string? bearer = null)
    {
        // One trace for both, so each backend envelope carries the same traceId.
        var traceParent = $"00-{ActivityTraceId.CreateRandom().ToHexString()}-{ActivitySpanId.CreateRandom().ToHexString()}-01";
        var correlationId = "gw-" + Guid.NewGuid().ToString("N");
        return (await SendAsync(fixture.Backend), await SendAsync(fixture.Gateway));

        async Task<Captured> SendAsync(MercatoProcess target)
        {
            using var request = new HttpRequestMessage(method, path);
            request.Headers.Add("traceparent", traceParent);
            request.Headers.Add(CorrelationHeader, correlationId);
            if (bearer is not null)
            {
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", bearer);
            }

            if (body is not null)
            {
                request.Content = new StringContent(body, Encoding.UTF8);
                request.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(contentType!);
            }

            using var response = await target.Client.SendAsync(request, Ct);
            return await Captured.FromAsync(response);
        }
    }

    private static void AssertSameResponse(Captured direct, Captured viaGateway)
    {
        Assert.Equal(direct.Status, viaGateway.Status);
        Assert.Equal(direct.ContentType, viaGateway.ContentType);
        Assert.Equal(direct.Headers, viaGateway.Headers);
        Assert.Equal(WithoutTimestamp(direct.Body), WithoutTimestamp(viaGateway.Body));
    }

    private static string WithoutTimestamp(string body) => TimestampPattern().Replace(body, "\"timestamp\":\"…\"");

    [GeneratedRegex("\"timestamp\":\"[^\"]*\"")]
    private static partial Regex TimestampPattern();

    /// <summary>What a client sees of a response, minus what differs per hop (Date).</summary>
    private sealed record Captured(HttpStatusCode Status, string? ContentType, string Headers, string Body)
    {
        private static readonly string[] Compared =
            ["Location", "WWW-Authenticate", "Allow", CorrelationHeader, "Cache-Control", "Content-Security-Policy", "X-Content-Type-Options"];

        public static async Task<Captured> FromAsync(HttpResponseMessage response)
        {
            var headers = string.Join('\n', Compared.Select(name =>
                $"{name}: {string.Join(", ", response.Headers.TryGetValues(name, out var v) ? v : response.Content.Headers.TryGetValues(name, out var c) ? c : [])}"));
            return new Captured(
                response.StatusCode,
                response.Content.Headers.ContentType?.ToString(),
                headers,
                await response.Content.ReadAsStringAsync());
        }
    }
}
