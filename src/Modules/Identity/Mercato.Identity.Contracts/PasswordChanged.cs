using Mercato.Messaging.Events;

namespace Mercato.Identity.Contracts;

/// <summary>An account's password was changed (by its owner, or by a reset): the owner is told, in case it was not them.</summary>
/// <param name="UserId">The account.</param>
/// <param name="Email">The account's address.</param>
/// <param name="FirstName">The account's first name, for the greeting; empty when none.</param>
/// <param name="ChangedAt">When it changed (UTC).</param>
/// <param name="ByReset">Whether a reset token or code set it (rather than the current password).</param>
/// <param name="Language">The account's preferred language (BCP 47), or null for the shop's default.</param>
[EventName("identity.password-changed.v1")]
public sealed record PasswordChanged(
    Guid UserId,
    string Email,
    string FirstName,
    DateTimeOffset ChangedAt,
    bool ByReset,
    string? Language) : IntegrationEvent;
