using System.Security.Claims;
using Mercato.Identity.Users;
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
/// The signed-in user's address book (seed 004): <c>/api/v1/users/addresses</c>. Each user sees and
/// changes only their own addresses; another user's id answers 404.
/// </summary>
internal static class AddressesApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapAddressesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(IdentityModule.Descriptor)
            .MapGroup("/api/v1/users/addresses")
            .WithTags("Addresses")
            .RequireAuthorization(MercatoPolicies.Customer);
        group.MapGet("/", ListAsync).WithName("ListAddresses")
            .WithSummary("The signed-in user's saved addresses, defaults first");
        group.MapPost("/", AddAsync).WithName("AddAddress")
            .WithSummary($"Saves an address (at most {AddressBook.MaxAddresses} per user; 422 {AddressBook.LimitReachedCode} beyond). isDefaultShipping / isDefaultBilling set each default, isDefault both; the first address of each kind becomes its default");
        group.MapPut("/{id:guid}", UpdateAsync).WithName("UpdateAddress")
            .WithSummary("Replaces one of the user's addresses: optional fields left out or null are cleared; default flags left out stay as they are");
        group.MapDelete("/{id:guid}", DeleteAsync).WithName("DeleteAddress")
            .WithSummary("Deletes one of the user's addresses (orders placed with it keep their copy)");
        return endpoints;
    }

    private static async Task<Results<Ok<ApiResponse<IReadOnlyList<AddressResponse>>>, ApiErrorResult>> ListAsync(
        ClaimsPrincipal principal, AddressBook book, CancellationToken cancellationToken)
    {
        if (SignedInUser.IdOf(principal) is not { } userId)
        {
            return SignedInUser.Gone();
        }

        var addresses = await book.ListAsync(userId, cancellationToken);
        return ApiResults.Ok<IReadOnlyList<AddressResponse>>([.. addresses.Select(AddressResponse.From)]);
    }

    private static async Task<Results<Created<ApiResponse<AddressResponse>>, ApiErrorResult>> AddAsync(
        AddressRequest request, ClaimsPrincipal principal, AddressBook book, CancellationToken cancellationToken)
    {
        if (SignedInUser.IdOf(principal) is not { } userId)
        {
            return SignedInUser.Gone();
        }

        var (address, error) = await book.AddAsync(userId, request, cancellationToken);
        return address is null
            ? error!
            : ApiResults.Created($"/api/v1/users/addresses/{address.Id}", AddressResponse.From(address), "Address added successfully");
    }

    private static async Task<Results<Ok<ApiResponse<AddressResponse>>, ApiErrorResult>> UpdateAsync(
        Guid id, AddressRequest request, ClaimsPrincipal principal, AddressBook book, CancellationToken cancellationToken)
    {
        if (SignedInUser.IdOf(principal) is not { } userId)
        {
            return SignedInUser.Gone();
        }

        var (address, error) = await book.UpdateAsync(userId, id, request, cancellationToken);
        return address is null ? error! : ApiResults.Ok(AddressResponse.From(address), "Address updated successfully");
    }

    private static async Task<Results<NoContent, ApiErrorResult>> DeleteAsync(
        Guid id, ClaimsPrincipal principal, AddressBook book, CancellationToken cancellationToken)
    {
        if (SignedInUser.IdOf(principal) is not { } userId)
        {
            return SignedInUser.Gone();
        }

        return await book.DeleteAsync(userId, id, cancellationToken) is { } error ? error : TypedResults.NoContent();
    }
}
