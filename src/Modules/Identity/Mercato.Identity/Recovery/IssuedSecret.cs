namespace Mercato.Identity.Recovery;

/// <summary>The plain secrets of a new <see cref="AccountSecret"/>, for the event (and the mail) only.</summary>
/// <param name="Token">The link token, or null.</param>
/// <param name="Code">The 6-digit code, or null.</param>
/// <param name="ExpiresAt">When they stop working (UTC).</param>
internal sealed record IssuedSecret(string? Token, string? Code, DateTimeOffset ExpiresAt);
