using Mercato.Identity.Users;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Passwords;

/// <summary>Refuses passwords that mix too few character classes or are too long.</summary>
internal sealed class CharacterClassPasswordValidator(IOptions<IdentitySettings> settings) : IPasswordValidator<User>
{
    /// <summary>The error code for too few character classes.</summary>
    public const string TooFewClassesCode = "PasswordTooFewCharacterClasses";

    /// <summary>The error code for an over-long password.</summary>
    public const string TooLongCode = "PasswordTooLong";

    /// <inheritdoc />
    public Task<IdentityResult> ValidateAsync(UserManager<User> manager, User user, string? password)
    {
        var policy = settings.Value.Password;
        password ??= string.Empty;
        var errors = new List<IdentityError>();
        if (password.Length > policy.MaximumLength)
        {
            errors.Add(new IdentityError
            {
                Code = TooLongCode,
                Description = $"Password must be at most {policy.MaximumLength} characters.",
            });
        }

        if (CountClasses(password) < policy.MinimumCharacterClasses)
        {
            errors.Add(new IdentityError
            {
                Code = TooFewClassesCode,
                Description = $"Password must mix at least {policy.MinimumCharacterClasses} of: lower-case letters, upper-case letters, digits, symbols.",
            });
        }

        return Task.FromResult(errors.Count == 0 ? IdentityResult.Success : IdentityResult.Failed([.. errors]));
    }

    /// <summary>How many of the four classes a password uses.</summary>
    public static int CountClasses(string password)
    {
        bool lower = false, upper = false, digit = false, other = false;
        foreach (var c in password)
        {
            if (char.IsLower(c))
            {
                lower = true;
            }
            else if (char.IsUpper(c))
            {
                upper = true;
            }
            else if (char.IsDigit(c))
            {
                digit = true;
            }
            else
            {
                other = true;
            }
        }

        return (lower ? 1 : 0) + (upper ? 1 : 0) + (digit ? 1 : 0) + (other ? 1 : 0);
    }
}
