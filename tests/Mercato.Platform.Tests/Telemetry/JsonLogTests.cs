using System.Net;
using System.Text.Json;
using Mercato.Testing;

namespace Mercato.Platform.Tests.Telemetry;

/// <summary>
/// A real server process writes one JSON object per console line, and every line logged while
/// handling a request carries that request's correlation id in its scopes.
/// </summary>
public sealed class JsonLogTests
{
    [Fact]
    public async Task Request_log_lines_are_json_with_the_correlation_id_in_their_scopes()
    {
        await using var server = await MercatoProcess.StartAsync(RepoPaths.TestHostDll, new Dictionary<string, string?>
        {
            ["Logging:LogLevel:Default"] = "Information",
            ["Logging:LogLevel:Microsoft.AspNetCore"] = "Information",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        });
        var correlationId = "logs-" + Guid.NewGuid().ToString("N");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/probe/boom");
        request.Headers.Add("X-Correlation-Id", correlationId);
        var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);
        Assert.Equal(correlationId, response.Headers.GetValues("X-Correlation-Id").Single());

        var error = await MercatoProcess.EventuallyAsync(
            () => Task.FromResult(JsonLines(server).FirstOrDefault(l =>
                l.GetProperty("Category").GetString() == "Mercato.Platform.Errors.EnvelopeExceptionHandler")),
            l => l.ValueKind == JsonValueKind.Object,
            TimeSpan.FromSeconds(30));
        Assert.Equal("Error", error.GetProperty("LogLevel").GetString());
        Assert.Equal(correlationId, CorrelationIdOf(error));
        Assert.EndsWith("Z", error.GetProperty("Timestamp").GetString(), StringComparison.Ordinal);

        // Every line the pipeline logged for this request (routing, endpoint, error handler) has
        // the id; the host's own "Request starting/finished" lines are written outside it.
        var requestId = RequestIdOf(error);
        var requestLines = JsonLines(server)
            .Where(l => RequestIdOf(l) == requestId)
            .Where(l => l.GetProperty("Category").GetString() != "Microsoft.AspNetCore.Hosting.Diagnostics")
            .ToList();
        Assert.True(requestLines.Count >= 2, $"expected several request lines, got {requestLines.Count}");
        Assert.All(requestLines, l => Assert.Equal(correlationId, CorrelationIdOf(l)));

        Assert.All(
            server.Output.Where(l => l.Length > 0),
            line => Assert.True(line.StartsWith('{') && JsonDocument.Parse(line).RootElement.TryGetProperty("LogLevel", out _), $"not a JSON log line: {line}"));
    }

    private static List<JsonElement> JsonLines(MercatoProcess server) =>
        server.Output.Where(l => l.StartsWith('{')).Select(l => JsonDocument.Parse(l).RootElement.Clone()).ToList();

    private static string? CorrelationIdOf(JsonElement line) => ScopeValue(line, "CorrelationId");

    private static string? RequestIdOf(JsonElement line) => ScopeValue(line, "RequestId");

    private static string? ScopeValue(JsonElement line, string name) =>
        line.GetProperty("Scopes").EnumerateArray()
            .Where(s => s.ValueKind == JsonValueKind.Object && s.TryGetProperty(name, out _))
            .Select(s => s.GetProperty(name).GetString())
            .FirstOrDefault();
}
