namespace Mercato.Web.Components.Common;

/// <summary>One address of the shopper's address book (<c>/api/v1/users/addresses</c>).</summary>
/// <param name="Id">Address id.</param>
/// <param name="FirstName">Recipient's first name.</param>
/// <param name="LastName">Recipient's last name.</param>
/// <param name="Company">Company.</param>
/// <param name="Street">Street and number.</param>
/// <param name="Street2">Second line.</param>
/// <param name="City">City.</param>
/// <param name="State">State or region.</param>
/// <param name="ZipCode">Postal code.</param>
/// <param name="Country">Country.</param>
/// <param name="Phone">Phone for the delivery.</param>
/// <param name="IsDefaultShipping">The default shipping address.</param>
/// <param name="IsDefaultBilling">The default billing address.</param>
public sealed record SavedAddress(
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
    bool IsDefaultShipping,
    bool IsDefaultBilling)
{
    /// <summary>The recipient's name, if any.</summary>
    public string Recipient => $"{FirstName} {LastName}".Trim();

    /// <summary>The address on one line (the checkout's choice of addresses).</summary>
    public string OneLine => string.Join(", ", new[] { Recipient, Street, Street2, $"{ZipCode} {City}", State, Country }.Where(p => !string.IsNullOrWhiteSpace(p)));
}
