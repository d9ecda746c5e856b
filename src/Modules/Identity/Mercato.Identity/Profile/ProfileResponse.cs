using Mercato.Identity.Addresses;
using Mercato.Identity.Users;

namespace Mercato.Identity.Profile;

/// <summary>The signed-in user's profile in seed 004's shape, plus the preferred language of their mails.</summary>
/// <param name="Id">User id.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="PhoneNumber">Phone number, or null.</param>
/// <param name="DateOfBirth">Date of birth (<c>yyyy-MM-dd</c>), or null.</param>
/// <param name="Addresses">The saved addresses, defaults first, then newest first.</param>
/// <param name="EmailVerified">Whether the e-mail address has been verified.</param>
/// <param name="PreferredLanguage">The language of their mails (BCP 47), or null for the shop's default.</param>
/// <param name="CreatedAt">When the account was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
internal sealed record ProfileResponse(
    Guid Id,
    string Email,
    string FirstName,
    string LastName,
    string? PhoneNumber,
    DateOnly? DateOfBirth,
    IReadOnlyList<AddressResponse> Addresses,
    bool EmailVerified,
    string? PreferredLanguage,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>Describes <paramref name="user"/> with their <paramref name="addresses"/>.</summary>
    public static ProfileResponse From(User user, IEnumerable<Address> addresses) => new(
        user.Id,
        user.Email!,
        user.FirstName,
        user.LastName,
        user.PhoneNumber,
        user.DateOfBirth,
        [.. addresses.Select(AddressResponse.From)],
        user.EmailConfirmed,
        user.PreferredLanguage,
        user.CreatedAt,
        user.UpdatedAt);
}
