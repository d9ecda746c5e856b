using Mercato.Messaging.Events;

namespace Mercato.Identity.Contracts;

/// <summary>
/// An address has to be verified (after registration, on a resend, or when a user changes their
/// e-mail): the mail to <paramref name="Email"/> carries a link token and a 6-digit code, either of
/// which verifies it. The secrets travel only in this event and the mail body; Identity keeps hashes.
/// </summary>
/// <param name="UserId">The account.</param>
/// <param name="Email">The address to verify (for an e-mail change, the new address).</param>
/// <param name="FirstName">The account's first name, for the greeting; empty when none.</param>
/// <param name="Token">The single-use link token (base64url, 256 bits).</param>
/// <param name="Code">The 6-digit one-time code.</param>
/// <param name="ExpiresAt">When the token and code stop working (UTC).</param>
/// <param name="IsEmailChange">Whether this confirms a change of the account's address rather than a new account's.</param>
/// <param name="Language">The account's preferred language (BCP 47), or null for the shop's default.</param>
[EventName("identity.email-verification-requested.v1")]
public sealed record EmailVerificationRequested(
    Guid UserId,
    string Email,
    string FirstName,
    string Token,
    string Code,
    DateTimeOffset ExpiresAt,
    bool IsEmailChange,
    string? Language) : IntegrationEvent;
