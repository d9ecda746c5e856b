using System.Net;
using System.Text.Json;
using Mercato.Catalog.Contracts;
using Mercato.Platform.Envelope;
using Mercato.Platform.Http;
using Microsoft.Extensions.Logging;

namespace Mercato.Catalog.Client;

/// <summary>
/// The Catalog as a module in another process calls it: its service endpoints over a typed
/// HttpClient that carries a service token and the caller's correlation id, with timeouts,
/// retries (every call here is idempotent, so every one is marked so) and a circuit breaker (see
/// <see cref="CatalogClientSetup.AddCatalogClient"/>). The Catalog's error envelopes become the
/// results and exceptions <see cref="ICatalogClient"/> documents.
/// </summary>
public sealed class CatalogHttpClient(HttpClient http, ILogger<CatalogHttpClient> logger) : ICatalogClient
{
    /// <summary>The snapshot endpoint.</summary>
    public const string SnapshotsPath = "/api/v1/catalog/products/snapshots";

    /// <summary>The reservation endpoints' base path.</summary>
    public const string ReservationsPath = "/api/v1/catalog/reservations";

    private readonly ModuleHttp _http = new(http, logger, "Catalog", (message, status, cause) => new CatalogUnavailableException(message, status, cause));

    /// <inheritdoc />
    public async Task<IReadOnlyList<ProductSnapshot>> GetProductsAsync(IReadOnlyCollection<Guid> ids, CancellationToken cancellationToken)
    {
        var snapshots = new List<ProductSnapshot>();
        foreach (var batch in ids.Distinct().Chunk(ProductSnapshotsRequest.MaxIds))
        {
            using var response = await _http.SendAsync(HttpMethod.Post, SnapshotsPath, new ProductSnapshotsRequest(batch), cancellationToken);
            if (response.StatusCode != HttpStatusCode.OK)
            {
                throw await _http.UnexpectedAsync(response, cancellationToken);
            }

            snapshots.AddRange(await _http.ReadDataAsync<List<ProductSnapshot>>(response, cancellationToken));
        }

        return snapshots;
    }

    /// <inheritdoc />
    public async Task<ReserveStockResult> ReserveAsync(ReserveStockRequest request, CancellationToken cancellationToken)
    {
        int? holdForSeconds = request.HoldFor is { } hold ? (int)Math.Clamp(Math.Ceiling(hold.TotalSeconds), int.MinValue, int.MaxValue) : null;
        using var response = await _http.SendAsync(
            HttpMethod.Post, ReservationsPath, new ReserveBody(request.OrderId, request.Lines, holdForSeconds), cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.Created or HttpStatusCode.OK:
                return new ReserveStockResult(true, []);
            case HttpStatusCode.BadRequest:
                throw new ArgumentException(ModuleHttp.Describe(await _http.ReadErrorAsync(response, cancellationToken)), nameof(request));
            case HttpStatusCode.Conflict:
                var error = await _http.ReadErrorAsync(response, cancellationToken);
                if (error.Errors.All(e => e.Code == ErrorCodes.InsufficientStock))
                {
                    return new ReserveStockResult(false, [.. error.Errors.Select(Shortage)]);
                }

                throw new InvalidOperationException(ModuleHttp.Describe(error));
            default:
                throw await _http.UnexpectedAsync(response, cancellationToken);
        }
    }

    /// <inheritdoc />
    public Task CommitAsync(Guid orderId, CancellationToken cancellationToken)
        => TransitionAsync(orderId, "commit", cancellationToken);

    /// <inheritdoc />
    public Task ReleaseAsync(Guid orderId, CancellationToken cancellationToken)
        => TransitionAsync(orderId, "release", cancellationToken);

    /// <inheritdoc />
    public async Task<ReholdStockResult> ReholdAsync(Guid orderId, TimeSpan holdFor, CancellationToken cancellationToken)
    {
        if (holdFor <= TimeSpan.Zero)
        {
            throw new ArgumentException("A hold must be positive.", nameof(holdFor));
        }

        var seconds = (int)Math.Clamp(Math.Ceiling(holdFor.TotalSeconds), 1, int.MaxValue);
        using var response = await _http.SendAsync(HttpMethod.Post, $"{ReservationsPath}/{orderId}/rehold", new ReholdBody(seconds), cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                return new ReholdStockResult(ReholdStatus.Held, []);
            case HttpStatusCode.NotFound:
                return new ReholdStockResult(ReholdStatus.NotFound, []);
            case HttpStatusCode.BadRequest:
                throw new ArgumentException(ModuleHttp.Describe(await _http.ReadErrorAsync(response, cancellationToken)), nameof(holdFor));
            case HttpStatusCode.Conflict:
                var error = await _http.ReadErrorAsync(response, cancellationToken);
                if (error.Errors.Count > 0 && error.Errors.All(e => e.Code == ErrorCodes.InsufficientStock))
                {
                    return new ReholdStockResult(ReholdStatus.Insufficient, [.. error.Errors.Select(Shortage)]);
                }

                return new ReholdStockResult(error.Errors.Any(e => e.Code == ReholdErrors.StillHeld) ? ReholdStatus.NotReleasedYet : ReholdStatus.Conflict, []);
            default:
                throw await _http.UnexpectedAsync(response, cancellationToken);
        }
    }

    private async Task TransitionAsync(Guid orderId, string action, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(HttpMethod.Post, $"{ReservationsPath}/{orderId}/{action}", null, cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                return;
            case HttpStatusCode.NotFound:
                throw new KeyNotFoundException(ModuleHttp.Describe(await _http.ReadErrorAsync(response, cancellationToken)));
            case HttpStatusCode.Conflict:
                throw new InvalidOperationException(ModuleHttp.Describe(await _http.ReadErrorAsync(response, cancellationToken)));
            default:
                throw await _http.UnexpectedAsync(response, cancellationToken);
        }
    }

    private static StockShortage Shortage(ApiError error)
    {
        var details = error.Details ?? throw new CatalogUnavailableException("The Catalog answered INSUFFICIENT_STOCK without its details.");
        return new StockShortage(Detail(details, "productId").GetGuid(), Detail(details, "requestedQuantity").GetInt32(), Detail(details, "availableStock").GetInt32());
    }

    private static JsonElement Detail(IDictionary<string, object?> details, string name)
        => details.TryGetValue(name, out var value) && value is JsonElement element
            ? element
            : throw new CatalogUnavailableException($"The Catalog answered INSUFFICIENT_STOCK without '{name}'.");

    /// <summary>The body of <c>POST /api/v1/catalog/reservations/{orderId}/rehold</c>.</summary>
    private sealed record ReholdBody(int HoldForSeconds);

    /// <summary>The reservation body as the Catalog's <c>POST /api/v1/catalog/reservations</c> reads it.</summary>
    private sealed record ReserveBody(Guid OrderId, IReadOnlyList<ReservationLine> Lines, int? HoldForSeconds);
}
