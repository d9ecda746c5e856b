using Mercato.Identity.Contracts;

namespace Mercato.Identity.Addresses;

/// <summary>Identity as a co-hosted module (Ordering) calls it: straight to the address book behind the service endpoint.</summary>
internal sealed class InProcessIdentityClient(AddressBook book) : IIdentityClient
{
    /// <inheritdoc />
    public async Task<AddressDetails?> GetAddressAsync(Guid userId, Guid addressId, CancellationToken cancellationToken)
        => await book.FindAsync(userId, addressId, cancellationToken) is { } address ? Details(address) : null;

    /// <summary>The contract's form of <paramref name="a"/>.</summary>
    public static AddressDetails Details(Address a) => new(
        a.Id, a.UserId, a.FirstName, a.LastName, a.Company, a.Street, a.Street2, a.City, a.State, a.ZipCode, a.Country, a.Phone);
}
