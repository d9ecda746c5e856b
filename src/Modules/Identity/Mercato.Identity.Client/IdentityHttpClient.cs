using System.Net;
using Mercato.Identity.Contracts;
using Mercato.Platform.Http;
using Microsoft.Extensions.Logging;

namespace Mercato.Identity.Client;

/// <summary>
/// Identity as a module in another process (Ordering) calls it: its service endpoint
/// (<c>/api/v1/users/service</c>) over a typed HttpClient that carries a service token with
/// <see cref="IdentityScopes.Addresses"/> and the caller's correlation id, with timeouts, retries
/// (a read, so idempotent) and a circuit breaker (see <see cref="IdentityClientSetup.AddIdentityClient"/>).
/// Identity's answers become what <see cref="IIdentityClient"/> documents: 404 is "no such address
/// of this user", and no usable answer is an <see cref="IdentityUnavailableException"/>.
/// </summary>
public sealed class IdentityHttpClient(HttpClient http, ILogger<IdentityHttpClient> logger) : IIdentityClient
{
    private readonly ModuleHttp _http = new(http, logger, "Identity", (message, status, cause) => new IdentityUnavailableException(message, status, cause));

    /// <summary>The service endpoint of one user's address.</summary>
    public static string AddressPath(Guid userId, Guid addressId) => $"/api/v1/users/service/users/{userId}/addresses/{addressId}";

    /// <inheritdoc />
    /// <exception cref="IdentityUnavailableException">Identity gave no usable answer.</exception>
    public async Task<AddressDetails?> GetAddressAsync(Guid userId, Guid addressId, CancellationToken cancellationToken)
    {
        using var response = await _http.SendAsync(HttpMethod.Get, AddressPath(userId, addressId), null, cancellationToken);
        return response.StatusCode switch
        {
            HttpStatusCode.OK => await _http.ReadDataAsync<AddressDetails>(response, cancellationToken),
            HttpStatusCode.NotFound => null,
            _ => throw await _http.UnexpectedAsync(response, cancellationToken),
        };
    }
}
