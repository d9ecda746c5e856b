using Microsoft.AspNetCore.Identity;

namespace Mercato.Identity.Passwords;

/// <summary>
/// The one statement of the password rules (<see cref="PasswordPolicyOptions"/>): Identity's
/// password validator applies them when a password is set, and registration's request validator
/// applies them up front, so a 400 names every failing field at once.
/// </summary>
internal static class PasswordPolicy
{
    /// <summary>The error code for a password shorter than the minimum (Identity's own code).</summary>
    public const string TooShortCode = nameof(IdentityErrorDescriber.PasswordTooShort);

    /// <summary>The error code for too few character classes.</summary>
    public const string TooFewClassesCode = "PasswordTooFewCharacterClasses";

    /// <summary>The error code for an over-long password.</summary>
    public const string TooLongCode = "PasswordTooLong";

    /// <summary>Every rule <paramref name="password"/> breaks, empty when it is acceptable.</summary>
    public static List<IdentityError> Check(string? password, PasswordPolicyOptions policy)
    {
        password ??= string.Empty;
        var errors = new List<IdentityError>();
        if (password.Length < policy.MinimumLength)
        {
            errors.Add(new IdentityError { Code = TooShortCode, Description = $"Password must be at least {policy.MinimumLength} characters." });
        }

        if (password.Length > policy.MaximumLength)
        {
            errors.Add(new IdentityError { Code = TooLongCode, Description = $"Password must be at most {policy.MaximumLength} characters." });
        }

        if (CountClasses(password) < policy.MinimumCharacterClasses)
        {
            errors.Add(new IdentityError
            {
                Code = TooFewClassesCode,
                Description = $"Password must mix at least {policy.MinimumCharacterClasses} of: lower-case letters, upper-case letters, digits, symbols.",
            });
        }

        return errors;
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
