using Mercato.Identity.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Passwords;

/// <summary>
/// Refuses passwords that mix too few character classes or are too long (<see cref="PasswordPolicy"/>;
/// the minimum length is Identity's own rule, configured from the same policy).
/// </summary>
internal sealed class CharacterClassPasswordValidator(IOptions<IdentitySettings> settings) : IPasswordValidator<User>
{
    /// <inheritdoc />
    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        var errors = PasswordPolicy.Check(password, settings.Value.Password).Where(e => e.Code != PasswordPolicy.TooShortCode).ToArray();
        return Task.FromResult(errors.Length == 0 ? IdentityResult.Success : IdentityResult.Failed(errors));
    }
}
