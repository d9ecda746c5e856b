namespace Mercato.Identity.Contracts;

/// <summary>
/// Identity as other modules (Ordering) call it: in-process when co-hosted, over HTTP with a
/// service token carrying <see cref="IdentityScopes.Addresses"/> otherwise.
/// </summary>
public interface IIdentityClient
{
    /// <summary>The user's saved address, or null when the user has no address with that id (another user's address is null too).</summary>
    Task<AddressDetails?> GetAddressAsync(Guid userId, Guid addressId, CancellationToken cancellationToken);
}
