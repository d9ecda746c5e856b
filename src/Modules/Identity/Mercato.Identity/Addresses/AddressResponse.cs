namespace Mercato.Identity.Addresses;

/// <summary>A saved address as seed 004 shows it, with Mercato's separate shipping and billing defaults.</summary>
/// <param name="Id">Address id.</param>
/// <param name="FirstName">Recipient's first name.</param>
/// <param name="LastName">Recipient's last name.</param>
/// <param name="Company">Company.</param>
/// <param name="Street">Street and number.</param>
/// <param name="Street2">Second address line.</param>
/// <param name="City">City.</param>
/// <param name="State">State or region.</param>
/// <param name="ZipCode">Postal code.</param>
/// <param name="Country">Country.</param>
/// <param name="Phone">Phone (E.164).</param>
/// <param name="IsDefault">Seed 004's flag: both the default shipping and the default billing address.</param>
/// <param name="IsDefaultShipping">The default shipping address.</param>
/// <param name="IsDefaultBilling">The default billing address.</param>
/// <param name="CreatedAt">When it was saved.</param>
/// <param name="UpdatedAt">When it last changed.</param>
internal sealed record AddressResponse(
    Guid Id,
    string? FirstName,
    string? LastName,
    string? Company,
    string Street,
    string? Street2,
    string City,
    string? State,
    string ZipCode,
    string Country,
    string? Phone,
    bool IsDefault,
    bool IsDefaultShipping,
    bool IsDefaultBilling,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>Describes <paramref name="a"/>.</summary>
    public static AddressResponse From(Address a) => new(
        a.Id, a.FirstName, a.LastName, a.Company, a.Street, a.Street2, a.City, a.State, a.ZipCode, a.Country, a.Phone,
        a.IsDefaultShipping && a.IsDefaultBilling, a.IsDefaultShipping, a.IsDefaultBilling, a.CreatedAt, a.UpdatedAt);
}
