using System.Net;
using System.Text.Json;
using Mercato.Cart.Contracts;
using Mercato.Platform.Envelope;
using Mercato.Platform.Http;
using Microsoft.Extensions.Logging;

namespace Mercato.Cart.Client;

/// <summary>
/// The Cart as a module in another process (Ordering) calls it: its service endpoints
/// (<c>/api/v1/cart/service</c>) over a typed HttpClient that carries a service token with
/// <see cref="CartScopes.Checkout"/> and the caller's correlation id, with timeouts, retries (every
/// call here is idempotent, so every one is marked so) and a circuit breaker (see
/// <see cref="CartClientSetup.AddCartClient"/>). A guest's cart key travels in
/// <see cref="CartKeyHeader.Name"/>, never in the URL. The Cart's answers become what
/// <see cref="ICartClient"/> documents: 404 is "no cart", a coupon refusal (400 or 409 with a
/// <c>reason</c>) is a <see cref="CouponRedemptionResult"/>, a request the Cart rejects is an
/// <see cref="ArgumentException"/>, and no usable answer is a <see cref="CartUnavailableException"/>.
/// </summary>
public sealed class CartHttpClient(HttpClient http, ILogger<CartHttpClient> logger) : ICartClient
{
    /// <summary>The service carts endpoint (<c>GET</c> reads, <c>DELETE</c> clears).</summary>
    public const string CartsPath = "/api/v1/cart/service/carts";

    /// <summary>The coupon redemption endpoint.</summary>
    public const string RedeemPath = "/api/v1/cart/service/coupons/redeem";

    /// <summary>The coupon release endpoint.</summary>
    public const string ReleasePath = "/api/v1/cart/service/coupons/release";

    private readonly ModuleHttp _http = new(http, logger, "Cart", (message, status, cause) => new CartUnavailableException(message, status, cause));

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The owner names neither or both of a user id and a cart key.</exception>
    /// <exception cref="CartUnavailableException">The Cart gave no usable answer.</exception>
    public async Task<CartSnapshot?> GetCartAsync(CartOwner owner, CancellationToken cancellationToken)
    {
        using var response = await SendForAsync(HttpMethod.Get, owner, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => await _http.ReadDataAsync<CartSnapshot>(response, cancellationToken),
            HttpStatusCode.NotFound => null,
            HttpStatusCode.BadRequest => throw await RejectedAsync(response, nameof(owner), cancellationToken),
            _ => throw await _http.UnexpectedAsync(response, cancellationToken),
        };
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The owner names neither or both of a user id and a cart key.</exception>
    /// <exception cref="InvalidOperationException">The shopper kept changing the cart at the same moment.</exception>
    /// <exception cref="CartUnavailableException">The Cart gave no usable answer.</exception>
    public async Task<bool> ClearCartAsync(CartOwner owner, CancellationToken cancellationToken)
    {
        using var response = await SendForAsync(HttpMethod.Delete, owner, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.NoContent => true,
            HttpStatusCode.NotFound => false,
            HttpStatusCode.BadRequest => throw await RejectedAsync(response, nameof(owner), cancellationToken),
            HttpStatusCode.Conflict => throw new InvalidOperationException(ModuleHttp.Describe(await _http.ReadErrorAsync(response, cancellationToken))),
            _ => throw await _http.UnexpectedAsync(response, cancellationToken),
        };
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The request breaks the rules the service endpoint answers 400 for (empty order id, no customer).</exception>
    /// <exception cref="CartUnavailableException">The Cart gave no usable answer.</exception>
    public async Task<CouponRedemptionResult> RedeemCouponAsync(CouponRedemptionRequest request, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(request);
        using var response = await _http.SendAsync(HttpMethod.Post, RedeemPath, request, cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.OK:
                return await _http.ReadDataAsync<CouponRedemptionResult>(response, cancellationToken);
            case HttpStatusCode.BadRequest or HttpStatusCode.Conflict:
                var error = await _http.ReadErrorAsync(response, cancellationToken);
                if (error.Errors is [{ } refused] && Refusal(refused) is { } refusal)
                {
                    return new CouponRedemptionResult(false, refusal, refused.Message);
                }

                throw response.StatusCode == HttpStatusCode.BadRequest
                    ? new ArgumentException(ModuleHttp.Describe(error), nameof(request))
                    : new InvalidOperationException(ModuleHttp.Describe(error));
            default:
                throw await _http.UnexpectedAsync(response, cancellationToken);
        }
    }

    /// <inheritdoc />
    /// <exception cref="ArgumentException">The order id is empty.</exception>
    /// <exception cref="CartUnavailableException">The Cart gave no usable answer.</exception>
    public async Task ReleaseCouponAsync(Guid orderId, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(HttpMethod.Post, ReleasePath, new ReleaseBody(orderId), cancellationToken);
        switch (response.StatusCode)
        {
            case HttpStatusCode.NoContent or HttpStatusCode.OK:
                return;
            case HttpStatusCode.BadRequest:
                throw await RejectedAsync(response, nameof(orderId), cancellationToken);
            default:
                throw await _http.UnexpectedAsync(response, cancellationToken);
        }
    }

    /// <summary>Sends a call about one owner's cart: <c>?userId=</c> for a user, the key in its header for a guest.</summary>
    private Task<HttpResponseMessage> SendForAsync(HttpMethod method, CartOwner owner, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(owner);
        var path = owner.UserId is { } userId ? $"{CartsPath}?userId={userId}" : CartsPath;
        if (owner.CartKey is { } key && key.Any(char.IsControl))
        {
            throw new ArgumentException("A cart key cannot contain control characters.", nameof(owner));
        }

        return _http.SendAsync(method, path, null, cancellationToken, request =>
        {
            if (owner.CartKey is { } cartKey)
            {
                request.Headers.TryAddWithoutValidation(CartKeyHeader.Name, cartKey);
            }
        });
    }

    private async Task<ArgumentException> RejectedAsync(HttpResponseMessage response, string parameter, CancellationToken cancellationToken)
        => new(ModuleHttp.Describe(await _http.ReadErrorAsync(response, cancellationToken)), parameter);

    /// <summary>The refusal a coupon error names in its <c>reason</c> detail, or null when it names none (a malformed request).</summary>
    private static CouponRefusal? Refusal(ApiError error)
        => error.Details is { } details
            && details.TryGetValue("reason", out var reason)
            && reason is JsonElement { ValueKind: JsonValueKind.String } name
            && Enum.TryParse<CouponRefusal>(name.GetString(), ignoreCase: true, out var refusal)
            && Enum.IsDefined(refusal)
                ? refusal
                : null;

    /// <summary>The release body as the Cart's <c>POST /api/v1/cart/service/coupons/release</c> reads it.</summary>
    private sealed record ReleaseBody(Guid OrderId);
}
