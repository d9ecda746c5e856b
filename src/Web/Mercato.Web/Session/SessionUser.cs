namespace Mercato.Web.Session;

/// <summary>The signed-in user as <c>GET /api/v1/auth/me</c> answers.</summary>
/// <param name="Id">User id.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="EmailVerified">Whether the address is verified.</param>
/// <param name="Roles">Roles.</param>
public sealed record SessionUser(Guid Id, string Email, string FirstName, string LastName, bool EmailVerified, IReadOnlyList<string> Roles);
