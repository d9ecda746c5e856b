using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Mercato.Testing;
using Microsoft.AspNetCore.Http;

namespace Mercato.Platform.Tests.Telemetry;

/// <summary>
/// A minimal OTLP/HTTP receiver on a loopback port: it accepts protobuf exports on
/// <c>/v1/traces</c>, <c>/v1/logs</c> and <c>/v1/metrics</c> and keeps each request body.
/// </summary>
internal sealed class OtlpCollector : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentQueue<OtlpExport> _exports;

    private OtlpCollector(WebApplication app, ConcurrentQueue<OtlpExport> exports)
    {
        _app = app;
        _exports = exports;
    }

    /// <summary>The base URL to give as <c>OTEL_EXPORTER_OTLP_ENDPOINT</c>.</summary>
    public required string Endpoint { get; init; }

    /// <summary>Every export received so far.</summary>
    public IReadOnlyCollection<OtlpExport> Exports => _exports;

    public static async Task<OtlpCollector> StartAsync()
    {
        var exports = new ConcurrentQueue<OtlpExport>();
        var (app, url) = await LoopbackApp.StartAsync((app, _) =>
            app.MapPost("/v1/{signal}", async (string signal, HttpRequest request) =>
            {
                using var body = new MemoryStream();
                await request.Body.CopyToAsync(body);
                exports.Enqueue(new OtlpExport(signal, request.ContentType ?? string.Empty, body.ToArray()));
                // An empty Export*ServiceResponse is a full success in protobuf.
                return Results.Bytes([], "application/x-protobuf");
            }));
        return new OtlpCollector(app, exports) { Endpoint = url };
    }

    /// <summary>The bodies received for one signal (<c>traces</c>, <c>logs</c>, <c>metrics</c>).</summary>
    public IReadOnlyList<OtlpExport> Of(string signal) => _exports.Where(e => e.Signal == signal).ToList();

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
    }
}

/// <summary>One export request.</summary>
/// <param name="Signal">traces, logs or metrics.</param>
/// <param name="ContentType">Its content type.</param>
/// <param name="Body">Its protobuf body.</param>
internal sealed record OtlpExport(string Signal, string ContentType, byte[] Body)
{
    /// <summary>Whether the body holds the UTF-8 bytes of <paramref name="text"/> (protobuf stores strings as UTF-8).</summary>
    public bool Contains(string text) => Body.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes(text)) >= 0;
}
