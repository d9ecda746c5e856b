using System.Text.Json.Serialization;

namespace Mercato.Identity.SignIn;

/// <summary>Seed 004's login and refresh answer.</summary>
/// <param name="AccessToken">The JWT to send as <c>Authorization: Bearer</c>.</param>
/// <param name="RefreshToken">Single-use token that gets the next pair.</param>
/// <param name="ExpiresIn">Seconds until the access token expires.</param>
/// <param name="TokenType">Always <c>Bearer</c>.</param>
/// <param name="User">Who signed in (login only).</param>
internal sealed record TokenPairResponse(
    string AccessToken,
    string RefreshToken,
    int ExpiresIn,
    string TokenType,
    [property: JsonIgnore(Condition = JsonIgnoreCondition.WhenWritingNull)] SignedInUser? User);

/// <summary>The signed-in user as the login answer shows it.</summary>
/// <param name="Id">User id.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="Username">User name, if chosen.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="Roles">Roles.</param>
internal sealed record SignedInUser(Guid Id, string Email, string? Username, string FirstName, string LastName, IReadOnlyList<string> Roles);
