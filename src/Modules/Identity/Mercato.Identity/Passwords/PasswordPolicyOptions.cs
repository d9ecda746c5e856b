using Mercato.Platform.Hosting;

namespace Mercato.Identity.Passwords;

/// <summary>Password rules and hashing (<c>Identity:Password</c>).</summary>
internal sealed class PasswordPolicyOptions
{
    /// <summary>Minimum length (default 8).</summary>
    public int MinimumLength { get; set; } = 8;

    /// <summary>Maximum length (default 128), so hashing cost stays bounded.</summary>
    public int MaximumLength { get; set; } = 128;

    /// <summary>
    /// How many of the four character classes (lower case, upper case, digits, symbols) a
    /// password must mix (default 2: never all one class).
    /// </summary>
    public int MinimumCharacterClasses { get; set; } = 2;

    /// <summary>
    /// PBKDF2-HMAC-SHA512 iterations of Identity's hasher (default 210,000, OWASP's figure for
    /// that function). Hashes made with fewer are upgraded at the next successful sign-in.
    /// </summary>
    public int HashIterations { get; set; } = 210_000;

    /// <summary>What is wrong with these settings.</summary>
    public IEnumerable<string> Problems() => SettingRules.Failed(
        SettingRules.AtLeast(MinimumLength, 1, "Identity:Password:MinimumLength"),
        MaximumLength >= MinimumLength ? null : "Identity:Password:MaximumLength must be at least Identity:Password:MinimumLength",
        MinimumCharacterClasses is >= 1 and <= 4 ? null : "Identity:Password:MinimumCharacterClasses must be between 1 and 4",
        SettingRules.AtLeast(HashIterations, 1, "Identity:Password:HashIterations"));
}
