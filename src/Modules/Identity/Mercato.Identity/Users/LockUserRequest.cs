namespace Mercato.Identity.Users;

/// <summary>Body of <c>POST /api/v1/users/{id}/lock</c> (optional).</summary>
/// <param name="Until">When the lock ends by itself; left out, it lasts until an administrator unlocks the account.</param>
internal sealed record LockUserRequest(DateTimeOffset? Until = null);
