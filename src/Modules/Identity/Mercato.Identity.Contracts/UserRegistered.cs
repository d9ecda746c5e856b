using Mercato.Messaging.Events;

namespace Mercato.Identity.Contracts;

/// <summary>A shopper created an account.</summary>
/// <param name="UserId">The new user's id.</param>
/// <param name="Email">The e-mail address the account was registered with.</param>
/// <param name="Username">The chosen user name, if any.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="EmailVerificationRequired">Whether the address still has to be verified.</param>
[EventName("identity.user-registered.v1")]
public sealed record UserRegistered(
    Guid UserId,
    string Email,
    string? Username,
    string FirstName,
    string LastName,
    bool EmailVerificationRequired) : IntegrationEvent;
