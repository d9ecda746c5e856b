using Mercato.Messaging.Events;

namespace Mercato.Identity.Contracts;

/// <summary>
/// A password reset was asked for a known account: the mail to the account's address carries the
/// secret (a link token, a one-time code, or both). The secret travels only in this event and the
/// mail body; Identity keeps only its hash and never logs it.
/// </summary>
/// <param name="UserId">The account.</param>
/// <param name="Email">Where the mail goes (the account's confirmed address).</param>
/// <param name="FirstName">The account's first name, for the greeting; empty when none.</param>
/// <param name="Token">The single-use link token (base64url, 256 bits), or null when only a code was asked for.</param>
/// <param name="Code">The 6-digit one-time code, or null when only a link was asked for.</param>
/// <param name="ExpiresAt">When the token or code stops working (UTC).</param>
/// <param name="Language">The account's preferred language (BCP 47), or null for the shop's default.</param>
[EventName("identity.password-reset-requested.v1")]
public sealed record PasswordResetRequested(
    Guid UserId,
    string Email,
    string FirstName,
    string? Token,
    string? Code,
    DateTimeOffset ExpiresAt,
    string? Language) : IntegrationEvent;
