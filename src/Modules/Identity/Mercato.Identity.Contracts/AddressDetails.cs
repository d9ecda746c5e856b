namespace Mercato.Identity.Contracts;

/// <summary>A user's saved address as a neighbour (Ordering) reads it, to copy it into an order.</summary>
/// <param name="Id">The address id.</param>
/// <param name="UserId">Its owner.</param>
/// <param name="FirstName">Recipient's first name, if given.</param>
/// <param name="LastName">Recipient's last name, if given.</param>
/// <param name="Company">Company, if given.</param>
/// <param name="Street">Street and number.</param>
/// <param name="Street2">Second address line, if given.</param>
/// <param name="City">City.</param>
/// <param name="State">State or region, if given.</param>
/// <param name="ZipCode">Postal code.</param>
/// <param name="Country">Country.</param>
/// <param name="Phone">Phone (E.164), if given.</param>
public sealed record AddressDetails(
    Guid Id,
    Guid UserId,
    string? FirstName,
    string? LastName,
    string? Company,
    string Street,
    string? Street2,
    string City,
    string? State,
    string ZipCode,
    string Country,
    string? Phone);
