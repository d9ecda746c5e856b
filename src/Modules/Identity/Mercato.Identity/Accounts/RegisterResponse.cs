namespace Mercato.Identity.Accounts;

/// <summary>Seed 004's registration answer.</summary>
/// <param name="UserId">The new account's id.</param>
/// <param name="Email">Its e-mail address.</param>
/// <param name="Username">The chosen user name, if any.</param>
/// <param name="EmailVerificationRequired">Whether the address must still be verified.</param>
internal sealed record RegisterResponse(Guid UserId, string Email, string? Username, bool EmailVerificationRequired);
