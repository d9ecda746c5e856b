using System.Text.Json;
using System.Text.Json.Nodes;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.OpenApi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace Mercato.Server.Gateway;

/// <summary>
/// The gateway's <c>/openapi/v1.json</c>: every routed service's own document
/// (<c>/openapi/&lt;service&gt;.json</c>, fetched from <c>Services:&lt;name&gt;:Url</c>) merged into one,
/// as the embedded server serves it. The merged document is kept for <see cref="CacheFor"/>. A
/// service that does not answer (down, timed out, 5xx, not JSON) makes the document answer 503
/// <c>SERVICE_UNAVAILABLE</c> naming each such service, and nothing is cached; a service that
/// answers 404 publishes no document (a custom service without one) and is left out.
/// </summary>
internal sealed partial class GatewayApiDocument(
    GatewayRouteTable table, IHttpClientFactory httpClients, TimeProvider time, ILogger<GatewayApiDocument> logger) : IDisposable
{
    /// <summary>The named HTTP client used to fetch the services' documents.</summary>
    public const string HttpClientName = "gateway-openapi";

    /// <summary>How long a merged document is served before the services are asked again.</summary>
    public static readonly TimeSpan CacheFor = TimeSpan.FromSeconds(30);

    /// <summary>How long one service may take to answer.</summary>
    public static readonly TimeSpan FetchTimeout = TimeSpan.FromSeconds(10);

    private const string Scope = "Every service routed by this gateway.";

    private readonly SemaphoreSlim _gate = new(1, 1);
    private (byte[] Json, DateTimeOffset Until)? _cached;

    /// <summary>The merged document, or 503 naming the services that did not answer.</summary>
    public async Task<Results<FileContentHttpResult, ApiErrorResult>> GetAsync(CancellationToken cancellationToken)
    {
        if (Fresh() is { } json)
        {
            return TypedResults.File(json, "application/json;charset=utf-8");
        }

        await _gate.WaitAsync(cancellationToken);
        try
        {
            if (Fresh() is { } again)
            {
                return TypedResults.File(again, "application/json;charset=utf-8");
            }

            var routes = table.Routes.Where(r => r.Url is not null).ToList();
            var fetched = await Task.WhenAll(routes.Select(r => FetchAsync(r, cancellationToken)));
            var failures = fetched.Where(f => f.Failure is not null).Select(f => new ApiError(ErrorCodes.ServiceUnavailable, f.Failure!, f.Service)).ToList();
            if (failures.Count > 0)
            {
                return new ApiErrorResult(
                    StatusCodes.Status503ServiceUnavailable,
                    $"The API document is incomplete: {string.Join(", ", failures.Select(f => f.Field))} did not answer; try again shortly",
                    failures);
            }

            var documents = fetched.Where(f => f.Document is not null).Select(f => f.Document!).ToList();
            if (documents.Count == 0)
            {
                return ApiResults.NotFound("No routed service publishes an API document");
            }

            var merged = ApiDocumentMerger.Merge(documents, Scope);
            foreach (var conflict in merged.Conflicts)
            {
                LogConflict(logger, conflict);
            }

            var bytes = JsonSerializer.SerializeToUtf8Bytes(merged.Document, JsonOptions);
            _cached = (bytes, time.GetUtcNow() + CacheFor);
            return TypedResults.File(bytes, "application/json;charset=utf-8");
        }
        finally
        {
            _gate.Release();
        }
    }

    /// <inheritdoc />
    public void Dispose() => _gate.Dispose();

    private static readonly JsonSerializerOptions JsonOptions = new() { WriteIndented = true };

    private byte[]? Fresh() => _cached is { } cached && cached.Until > time.GetUtcNow() ? cached.Json : null;

    private async Task<Fetched> FetchAsync(GatewayRoute route, CancellationToken cancellationToken)
    {
        var url = new Uri(route.Url!, $"openapi/{route.Service}.json");
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        timeout.CancelAfter(FetchTimeout);
        try
        {
            using var client = httpClients.CreateClient(HttpClientName);
            using var response = await client.GetAsync(url, timeout.Token);
            if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
            {
                return new Fetched(route.Service, null, null);
            }

            if (!response.IsSuccessStatusCode)
            {
                return Failed(route, $"{route.Service} answered {(int)response.StatusCode} for its API document");
            }

            var document = await JsonNode.ParseAsync(await response.Content.ReadAsStreamAsync(timeout.Token), cancellationToken: timeout.Token);
            return document is JsonObject json
                ? new Fetched(route.Service, json, null)
                : Failed(route, $"{route.Service} answered something other than an API document");
        }
        catch (Exception ex) when (ex is HttpRequestException or JsonException || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogFetchFailed(logger, ex, route.Service, url);
            return Failed(route, ex is OperationCanceledException
                ? $"{route.Service} did not answer within {FetchTimeout.TotalSeconds:0} s"
                : $"{route.Service} is not reachable or sent an unreadable API document");
        }
    }

    private static Fetched Failed(GatewayRoute route, string reason) => new(route.Service, null, reason);

    [LoggerMessage(EventId = 1903, Level = LogLevel.Warning, Message = "Gateway could not fetch the API document of {Service} at {Url}")]
    private static partial void LogFetchFailed(ILogger logger, Exception exception, string service, Uri url);

    [LoggerMessage(EventId = 1904, Level = LogLevel.Warning, Message = "Gateway API document: {Name} is defined differently by two services; the first definition is kept")]
    private static partial void LogConflict(ILogger logger, string name);

    private sealed record Fetched(string Service, JsonObject? Document, string? Failure);
}
