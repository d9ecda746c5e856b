namespace Mercato.Identity.Users;

/// <summary>A user as <c>/auth/me</c> and the admin user endpoints show it.</summary>
/// <param name="Id">User id.</param>
/// <param name="Email">E-mail address.</param>
/// <param name="Username">User name, if chosen.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="PhoneNumber">Phone number.</param>
/// <param name="EmailVerified">Whether the e-mail address has been verified.</param>
/// <param name="Roles">Roles.</param>
/// <param name="LockedUntil">When a lockout ends, while the account is locked.</param>
/// <param name="CreatedAt">When the account was created.</param>
/// <param name="UpdatedAt">When it last changed.</param>
internal sealed record UserResponse(
    Guid Id,
    string Email,
    string? Username,
    string FirstName,
    string LastName,
    string? PhoneNumber,
    bool EmailVerified,
    IReadOnlyList<string> Roles,
    DateTimeOffset? LockedUntil,
    DateTime CreatedAt,
    DateTime UpdatedAt)
{
    /// <summary>Describes <paramref name="user"/>.</summary>
    public static UserResponse From(User user, IReadOnlyList<string> roles, DateTimeOffset now) => new(
        user.Id,
        user.Email!,
        user.DisplayUsername,
        user.FirstName,
        user.LastName,
        user.PhoneNumber,
        user.EmailConfirmed,
        roles,
        user.LockoutEnd is { } end && end > now ? end : null,
        user.CreatedAt,
        user.UpdatedAt);
}
