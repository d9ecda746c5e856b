using System.Net;
using Mercato.Testing;

namespace Mercato.Platform.Tests.Telemetry;

/// <summary>
/// With <c>OTEL_EXPORTER_OTLP_ENDPOINT</c> set, a real server process exports its traces, logs
/// and metrics over OTLP/HTTP protobuf to that endpoint.
/// </summary>
public sealed class OtlpExportTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(60);

    [Fact]
    public async Task Traces_logs_and_metrics_reach_the_configured_otlp_endpoint()
    {
        await using var collector = await OtlpCollector.StartAsync();
        await using var server = await MercatoProcess.StartAsync(RepoPaths.TestHostDll, new Dictionary<string, string?>
        {
            ["OTEL_EXPORTER_OTLP_ENDPOINT"] = collector.Endpoint,
            ["OTEL_EXPORTER_OTLP_PROTOCOL"] = "http/protobuf",
            ["OTEL_BSP_SCHEDULE_DELAY"] = "200",
            ["OTEL_BLRP_SCHEDULE_DELAY"] = "200",
            ["OTEL_METRIC_EXPORT_INTERVAL"] = "500",
        });
        var correlationId = "otlp-" + Guid.NewGuid().ToString("N");

        using var request = new HttpRequestMessage(HttpMethod.Get, "/api/v1/probe/boom");
        request.Headers.Add("X-Correlation-Id", correlationId);
        var response = await server.Client.SendAsync(request);
        Assert.Equal(HttpStatusCode.InternalServerError, response.StatusCode);

        // The request's span carries the route, the service name and the correlation id.
        var trace = await EventuallyAsync(collector, "traces", e => e.Contains(correlationId));
        Assert.Equal("application/x-protobuf", trace.ContentType);
        Assert.True(trace.Contains("mercato-probe-audit"), "the trace names the service");
        Assert.True(trace.Contains("/api/v1/probe/boom"), "the trace names the route");

        // The error logged for it is exported with its correlation scope.
        await EventuallyAsync(collector, "logs", e => e.Contains(correlationId) && e.Contains("Unhandled exception for GET /api/v1/probe/boom"));

        // Request metrics are exported too.
        await EventuallyAsync(collector, "metrics", e => e.Contains("http.server.request.duration"));
        Assert.All(collector.Exports, e => Assert.NotEmpty(e.Body));
    }

    private static async Task<OtlpExport> EventuallyAsync(OtlpCollector collector, string signal, Func<OtlpExport, bool> match)
    {
        var found = await MercatoProcess.EventuallyAsync(
            () => Task.FromResult(collector.Of(signal).FirstOrDefault(match)),
            e => e is not null,
            Patience);
        return found!;
    }
}
