using Mercato.Web.Components.Common;

namespace Mercato.Web.Components.Account;

/// <summary>The signed-in shopper's profile as <c>GET /api/v1/users/profile</c> answers (the fields the account pages use).</summary>
/// <param name="Id">User id.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="PhoneNumber">Phone (E.164), or null.</param>
/// <param name="DateOfBirth">Date of birth (<c>yyyy-MM-dd</c>), kept as it is when the profile is saved.</param>
/// <param name="PreferredLanguage">The language of the shopper's mails, kept as it is when the profile is saved.</param>
/// <param name="EmailVerified">Whether the address is verified.</param>
/// <param name="Addresses">The saved addresses, defaults first.</param>
public sealed record AccountProfile(
    Guid Id,
    string Email,
    string FirstName,
    string LastName,
    string? PhoneNumber,
    string? DateOfBirth,
    string? PreferredLanguage,
    bool EmailVerified,
    IReadOnlyList<SavedAddress> Addresses);
