using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using Mercato.Platform.Envelope;
using Mercato.Platform.Http;
using Microsoft.Extensions.Logging;
using Polly;

namespace Mercato.Catalog.Contracts;

/// <summary>
/// The Catalog as a module in another process calls it: its service endpoints over a typed
/// HttpClient that carries a service token and the caller's correlation id, with timeouts,
/// retries (every call here is idempotent, so every one is marked so) and a circuit breaker (see
/// <see cref="CatalogClientSetup.AddCatalogClient"/>). The Catalog's error envelopes become the
/// results and exceptions <see cref="ICatalogClient"/> documents.
/// </summary>
public sealed partial class CatalogHttpClient(HttpClient http, ILogger<CatalogHttpClient> logger) : ICatalogClient
{
    /// <summary>The snapshot endpoint.</summary>
    public const string SnapshotsPath = "/api/v1/catalog/products/snapshots";

    /// <summary>The reservation endpoints' base path.</summary>
    public const string ReservationsPath = "/api/v1/catalog/reservations";

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProductSnapshot>> GetProductsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var snapshots = new List<ProductSnapshot>();
        foreach (var batch in ids.Distinct().Chunk(ProductSnapshotsRequest.MaxIds))
        {
            using var response = await SendAsync(HttpMethod.Post, SnapshotsPath, new ProductSnapshotsRequest(batch), cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw await UnexpectedAsync(response, cancellationToken);
            }

            snapshots.AddRange(await ReadDataAsync<List<ProductSnapshot>>(response, cancellationToken));
        }

        return snapshots;
    }

    /// <inheritdoc />
    public async Task<ReserveStockResult> ReserveAsync(ReserveStockRequest request, CancellationToken cancellationToken)
    {
        int? holdForSeconds = request.HoldFor is { } hold ? (int)Math.Clamp(Math.Ceiling(hold.TotalSeconds), int.MinValue, int.MaxValue) : null;
        using var response = await SendAsync(
            HttpMethod.Post, ReservationsPath, new ReserveBody(request.OrderId, request.Lines, holdForSeconds), cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Created or HttpStatusCode.OK:
                return new ReserveStockResult(true, []);
            case HttpStatusCode.BadRequest:
                throw new ArgumentException(Describe(await ReadErrorAsync(response, cancellationToken)), nameof(request));
            case HttpStatusCode.Conflict:
                var error = await ReadErrorAsync(response, cancellationToken);
                if (error.Errors.All(e => e.Code == ErrorCodes.InsufficientStock))
                {
                    return new ReserveStockResult(false, [.. error.Errors.Select(Shortage)]);
                }

                throw new InvalidOperationException(Describe(error));
            default:
                throw await UnexpectedAsync(response, cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task CommitAsync(Guid orderId, CancellationToken cancellationToken)
        => TransitionAsync(orderId, "commit", cancellationToken);

    /// <inheritdoc />
    public Task ReleaseAsync(Guid orderId, CancellationToken cancellationToken)
        => TransitionAsync(orderId, "release", cancellationToken);

    private async Task TransitionAsync(Guid orderId, string action, CancellationToken cancellationToken)
    {
        using var response = await SendAsync(HttpMethod.Post, $"{ReservationsPath}/{orderId}/{action}", null, cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                return;
            case HttpStatusCode.NotFound:
                throw new KeyNotFoundException(Describe(await ReadErrorAsync(response, cancellationToken)));
            case HttpStatusCode.Conflict:
                throw new InvalidOperationException(Describe(await ReadErrorAsync(response, cancellationToken)));
            default:
                throw await UnexpectedAsync(response, cancellationToken);
        }
    }

    /// <summary>Sends one call, marked idempotent: every Catalog call this client makes may be repeated safely.</summary>
    private async Task<HttpResponseMessage> SendAsync(HttpMethod method, string path, object? body, CancellationToken cancellationToken)
    {
        using var request = new HttpRequestMessage(method, new Uri(path, UriKind.Relative)).MarkIdempotent();
        if (body is not null)
        {
            request.Content = JsonContent.Create(body, body.GetType(), options: Json);
        }

        try
        {
            return await http.SendAsync(request, cancellationToken);
        }
        catch (Exception ex) when (ex is HttpRequestException or ExecutionRejectedException
            || (ex is OperationCanceledException && !cancellationToken.IsCancellationRequested))
        {
            LogUnreachable(logger, method.Method, path, ex.GetType().Name, ex);
            throw new CatalogUnavailableException(
                $"The Catalog could not be reached for {method.Method} {path}: {ex.Message}", (ex as HttpRequestException)?.StatusCode, ex);
        }
    }

    private async Task<CatalogUnavailableException> UnexpectedAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = (int)response.StatusCode;
        var body = await response.Content.ReadAsStringAsync(cancellationToken);
        var path = response.RequestMessage?.RequestUri?.AbsolutePath;
        LogUnexpected(logger, status, path);
        return new CatalogUnavailableException(
            $"The Catalog answered {status} to {path}: {body[..Math.Min(body.Length, 500)]}", response.StatusCode);
    }

    private static async Task<T> ReadDataAsync<T>(HttpResponseMessage response, CancellationToken cancellationToken)
        where T : class
    {
        try
        {
            var envelope = await response.Content.ReadFromJsonAsync<ApiResponse<T>>(Json, cancellationToken);
            return envelope?.Data ?? throw new CatalogUnavailableException("The Catalog answered an envelope without data.", response.StatusCode);
        }
        catch (JsonException ex)
        {
            throw new CatalogUnavailableException("The Catalog answered a body that is not its envelope.", response.StatusCode, ex);
        }
    }

    private static async Task<ErrorResponse> ReadErrorAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var error = await response.Content.ReadFromJsonAsync<ErrorResponse>(Json, cancellationToken);
            return error is { Errors.Count: > 0 }
                ? error
                : throw new CatalogUnavailableException("The Catalog answered an error envelope without errors.", response.StatusCode);
        }
        catch (JsonException ex)
        {
            throw new CatalogUnavailableException($"The Catalog answered {(int)response.StatusCode} with a body that is not its error envelope.", response.StatusCode, ex);
        }
    }

    private static string Describe(ErrorResponse error)
        => error.Message + ": " + string.Join("; ", error.Errors.Select(e => e.Field is null ? e.Message : $"{e.Field}: {e.Message}"));

    private static StockShortage Shortage(ApiError error)
    {
        var details = error.Details ?? throw new CatalogUnavailableException("The Catalog answered INSUFFICIENT_STOCK without its details.");
        return new StockShortage(Detail(details, "productId").GetGuid(), Detail(details, "requestedQuantity").GetInt32(), Detail(details, "availableStock").GetInt32());
    }

    private static JsonElement Detail(IDictionary<string, object?> details, string name)
        => details.TryGetValue(name, out var value) && value is JsonElement element
            ? element
            : throw new CatalogUnavailableException($"The Catalog answered INSUFFICIENT_STOCK without '{name}'.");

    [LoggerMessage(EventId = 3101, Level = LogLevel.Warning, Message = "Catalog call {Method} {Path} failed without an answer ({Failure})")]
    private static partial void LogUnreachable(ILogger logger, string method, string path, string failure, Exception exception);

    [LoggerMessage(EventId = 3102, Level = LogLevel.Warning, Message = "Catalog answered {Status} to {Path}, which the client does not expect")]
    private static partial void LogUnexpected(ILogger logger, int status, string? path);

    /// <summary>The reservation body as the Catalog's <c>POST /api/v1/catalog/reservations</c> reads it.</summary>
    private sealed record ReserveBody(Guid OrderId, IReadOnlyList<ReservationLine> Lines, int? HoldForSeconds);
}
