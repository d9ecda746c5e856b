namespace Mercato.Web.Components.Storefront;

/// <summary>An address of the shopper's address book (<c>GET /api/v1/users/addresses</c>).</summary>
/// <param name="Id">Id.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="Street">Street.</param>
/// <param name="Street2">Second street line.</param>
/// <param name="City">City.</param>
/// <param name="State">State or region.</param>
/// <param name="ZipCode">Postal code.</param>
/// <param name="Country">Country code.</param>
/// <param name="IsDefaultShipping">Whether it is the default shipping address.</param>
/// <param name="IsDefaultBilling">Whether it is the default billing address.</param>
public sealed record SavedAddress(
    Guid Id,
    string? FirstName,
    string? LastName,
    string Street,
    string? Street2,
    string City,
    string? State,
    string ZipCode,
    string Country,
    bool IsDefaultShipping,
    bool IsDefaultBilling)
{
    /// <summary>The address on one line.</summary>
    public string OneLine => string.Join(", ", new[] { $"{FirstName} {LastName}".Trim(), Street, Street2, $"{ZipCode} {City}", State, Country }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
