using Mercato.Identity.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.SignIn;

/// <summary>
/// Spends the work of a real password check when the account does not exist, so the time a
/// sign-in takes does not reveal which accounts exist. Uses the configured hashing cost.
/// </summary>
internal sealed class UnknownAccountDecoy(IOptions<PasswordHasherOptions> options)
{
    private readonly User _user = new();
    private readonly PasswordHasher<User> _hasher = new(options);
    private string? _hash;

    /// <summary>Verifies <paramref name="password"/> against a throw-away hash (always a mismatch).</summary>
    public void Verify(string password)
    {
        _hash ??= _hasher.HashPassword(_user, Guid.NewGuid().ToString());
        _hasher.VerifyHashedPassword(_user, _hash, password);
    }
}
