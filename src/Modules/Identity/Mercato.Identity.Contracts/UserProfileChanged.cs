using Mercato.Messaging.Events;

namespace Mercato.Identity.Contracts;

/// <summary>A user's profile changed (names, phone, preferred language, or a newly verified e-mail): the state after the change.</summary>
/// <param name="UserId">The account.</param>
/// <param name="Email">The account's (verified) address.</param>
/// <param name="FirstName">First name.</param>
/// <param name="LastName">Last name.</param>
/// <param name="PhoneNumber">Phone number in E.164, or null.</param>
/// <param name="Language">Preferred language (BCP 47), or null for the shop's default.</param>
[EventName("identity.user-profile-changed.v1")]
public sealed record UserProfileChanged(
    Guid UserId,
    string Email,
    string FirstName,
    string LastName,
    string? PhoneNumber,
    string? Language) : IntegrationEvent;
