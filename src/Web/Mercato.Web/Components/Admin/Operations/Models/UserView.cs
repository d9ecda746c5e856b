namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>An account as administrators see it.</summary>
/// <param name="Id">The API's <c>id</c>.</param>
/// <param name="Email">The API's <c>email</c>.</param>
/// <param name="Username">The API's <c>username</c>.</param>
/// <param name="FirstName">The API's <c>firstName</c>.</param>
/// <param name="LastName">The API's <c>lastName</c>.</param>
/// <param name="PhoneNumber">The API's <c>phoneNumber</c>.</param>
/// <param name="EmailVerified">The API's <c>emailVerified</c>.</param>
/// <param name="Roles">The API's <c>roles</c>.</param>
/// <param name="LockedUntil">The API's <c>lockedUntil</c>.</param>
/// <param name="CreatedAt">The API's <c>createdAt</c>.</param>
/// <param name="UpdatedAt">The API's <c>updatedAt</c>.</param>
public sealed record UserView(
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
    DateTime UpdatedAt);
