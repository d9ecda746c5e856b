using System.Net;
using Mercato.Ordering.Contracts;
using Mercato.Platform.Http;
using Microsoft.Extensions.Logging;

namespace Mercato.Ordering.Client;

/// <summary>
/// Ordering as a module in another process (Payments, Notifications) calls it: its service endpoints
/// (<c>/api/v1/orders/service</c>, scope <see cref="OrderingScopes.Read"/>, and <see cref="OrderingScopes.Payments"/> to revive an order) over a typed
/// HttpClient with a service token, the caller's correlation id and the standard resilience
/// pipeline. A guest's key hash travels in a header, never in the URL.
/// </summary>
public sealed class OrderingHttpClient(HttpClient http, ILogger<OrderingHttpClient> logger) : IOrderingClient
{
    /// <summary>The service orders path.</summary>
    public const string OrdersPath = "/api/v1/orders/service";

    private readonly ModuleHttp _http = new(http, logger, "Ordering", (message, status, cause) => new OrderingUnavailableException(message, status, cause));

    /// <inheritdoc />
    /// <exception cref="OrderingUnavailableException">Ordering gave no usable answer.</exception>
    public async Task<OrderBilling?> GetBillingAsync(Guid orderId, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(HttpMethod.Get, $"{OrdersPath}/{orderId}/billing", null, cancellationToken);
        return await ReadAsync(response, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="OrderingUnavailableException">Ordering gave no usable answer.</exception>
    public async Task<OrderBilling?> FindLatestPendingAsync(Guid? userId, string? guestKeyHash, CancellationToken cancellationToken)
    {
        var query = userId is { } id ? $"?userId={id}" : string.Empty;
        using var response = await _http.SendAsync(
            HttpMethod.Get,
            $"{OrdersPath}/pending{query}",
            null,
            cancellationToken,
            guestKeyHash is null ? null : r => r.Headers.Add(OrderingHeaders.GuestKeyHash, guestKeyHash));
        return await ReadAsync(response, cancellationToken);
    }

    /// <inheritdoc />
    /// <exception cref="OrderingUnavailableException">Ordering gave no usable answer.</exception>
    public async Task<OrderDetails?> GetDetailsAsync(Guid orderId, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(HttpMethod.Get, $"{OrdersPath}/{orderId}/details", null, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => await _http.ReadDataAsync<OrderDetails>(response, cancellationToken),
            HttpStatusCode.NotFound => null,
            _ => throw await _http.UnexpectedAsync(response, cancellationToken),
        };
    }

    /// <inheritdoc />
    /// <exception cref="OrderingUnavailableException">Ordering gave no usable answer.</exception>
    public async Task<OrderRevival?> ReviveAsync(Guid orderId, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(HttpMethod.Post, $"{OrdersPath}/{orderId}/revive", null, cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                return new OrderRevival(true, null, "The order waits for its payment again");
            case HttpStatusCode.NotFound:
                return null;
            case HttpStatusCode.Conflict:
                var error = await _http.ReadErrorAsync(response, cancellationToken);
                return new OrderRevival(false, error.Errors.Count > 0 ? error.Errors[0].Code : OrderRevivalRefusals.NotCancelled, error.Message);
            default:
                throw await _http.UnexpectedAsync(response, cancellationToken);
        }
    }

    private async Task<OrderBilling?> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken) => response.StatusCode switch
    {
        HttpStatusCode.OK => await _http.ReadDataAsync<OrderBilling>(response, cancellationToken),
        HttpStatusCode.NotFound => null,
        _ => throw await _http.UnexpectedAsync(response, cancellationToken),
    };
}
