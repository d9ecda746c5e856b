using Mercato.Identity.Contracts;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Identity.Addresses;

/// <summary>
/// Identity for other services (service token with scope <c>identity.addresses</c>):
/// <c>GET /api/v1/users/service/users/{userId}/addresses/{addressId}</c>, one user's saved address,
/// as Ordering copies it into an order. <see cref="InProcessIdentityClient"/> answers the same in process.
/// </summary>
internal static class ServiceAddressesApi
{
    /// <summary>The path template, as the HTTP client fills it.</summary>
    public const string Path = "/api/v1/users/service/users/{userId:guid}/addresses/{addressId:guid}";

    /// <summary>Maps the service endpoint.</summary>
    public static IEndpointRouteBuilder MapServiceAddressesApi(this IEndpointRouteBuilder endpoints)
    {
        endpoints.ModuleGroup(IdentityModule.Descriptor)
            .MapGet(Path, GetAsync)
            .WithTags("Users (service)")
            .WithName("GetAddressForService")
            .WithSummary("One user's saved address, as Ordering copies it into an order (service)")
            .RequireScope(IdentityScopes.Addresses);
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<AddressDetails>>, ApiErrorResult>> GetAsync(
        Guid userId, Guid addressId, AddressBook book, CancellationToken cancellationToken)
        => await book.FindAsync(userId, addressId, cancellationToken) is { } address
            ? ApiResults.Ok(InProcessIdentityClient.Details(address))
            : AddressBook.NotFound();
}
