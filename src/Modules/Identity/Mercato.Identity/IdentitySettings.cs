using Mercato.Identity.Accounts;
using Mercato.Identity.Clients;
using Mercato.Identity.Keys;
using Mercato.Identity.Passwords;
using Mercato.Identity.Recovery;
using Mercato.Platform.Hosting;

namespace Mercato.Identity;

/// <summary>The Identity module's settings (<c>Identity</c> section), validated at start.</summary>
internal sealed class IdentitySettings : IValidatedOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Identity";

    /// <summary>How long an access token is valid (default 15 minutes).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a refresh token may be redeemed after it was issued (default 14 days).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Password rules and hashing.</summary>
    public PasswordPolicyOptions Password { get; set; } = new();

    /// <summary>Throttling of repeated failed sign-ins.</summary>
    public LockoutPolicyOptions Lockout { get; set; } = new();

    /// <summary>Password-reset links.</summary>
    public PasswordResetOptions PasswordReset { get; set; } = new();

    /// <summary>6-digit one-time codes and verification mails.</summary>
    public OneTimeCodeOptions OneTimeCodes { get; set; } = new();

    /// <summary>Limits on the account-recovery endpoints.</summary>
    public AccountLimitOptions AccountLimits { get; set; } = new();

    /// <summary>E-mail verification.</summary>
    public EmailVerificationOptions EmailVerification { get; set; } = new();

    /// <summary>The administrator account created on first start.</summary>
    public AdminAccountOptions Admin { get; set; } = new();

    /// <summary>Service clients allowed to obtain service tokens, by client id.</summary>
    public Dictionary<string, ServiceClientOptions> Clients { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The keys that sign access tokens.</summary>
    public SigningKeyOptions SigningKeys { get; set; } = new();

    /// <summary>How generated signing keys are protected at rest.</summary>
    public SigningKeyProtectionOptions DataProtection { get; set; } = new();

    /// <inheritdoc />
    public IEnumerable<string> Problems() =>
    [
        .. SettingRules.Failed(
            AccessTokenLifetime >= TimeSpan.FromSeconds(10) ? null : "Identity:AccessTokenLifetime must be at least 10 seconds",
            RefreshTokenLifetime > AccessTokenLifetime ? null : "Identity:RefreshTokenLifetime must be longer than Identity:AccessTokenLifetime"),
        .. Password.Problems(),
        .. Lockout.Problems(),
        .. PasswordReset.Problems(),
        .. OneTimeCodes.Problems(),
        .. AccountLimits.Problems(),
        .. Admin.Problems(),
        .. Clients.SelectMany(c => c.Value.Problems($"{Section}:Clients:{c.Key}")),
        .. SigningKeys.Problems(),
    ];
}

/// <summary>
/// Throttling of failed sign-ins (<c>Identity:Lockout</c>), counted per source address and
/// account and per source address (OWASP, NIST SP 800-63B 5.2.2): a source that keeps failing
/// is slowed down; the account itself is never locked for everyone else.
/// </summary>
internal sealed class LockoutPolicyOptions
{
    /// <summary>Failed sign-ins from one address against one account before that address must wait (default 5).</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>Failed sign-ins from one address, against any accounts, before that address must wait (default 50).</summary>
    public int MaxFailedAttemptsPerAddress { get; set; } = 50;

    /// <summary>The first wait once a limit is reached; each further failure doubles it (default 1 minute).</summary>
    public TimeSpan Delay { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>The longest wait, and how long failures are remembered after the last one (default 15 minutes).</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>What is wrong with these settings.</summary>
    public IEnumerable<string> Problems() => SettingRules.Failed(
        SettingRules.AtLeast(MaxFailedAttempts, 1, "Identity:Lockout:MaxFailedAttempts"),
        MaxFailedAttemptsPerAddress >= MaxFailedAttempts
            ? null
            : "Identity:Lockout:MaxFailedAttemptsPerAddress must be at least Identity:Lockout:MaxFailedAttempts",
        Delay >= TimeSpan.FromSeconds(1) ? null : "Identity:Lockout:Delay must be at least 1 second",
        Duration >= Delay ? null : "Identity:Lockout:Duration must be at least Identity:Lockout:Delay");
}

/// <summary>Where the Data Protection key ring that protects generated signing keys lives (<c>Identity:DataProtection</c>).</summary>
internal sealed class SigningKeyProtectionOptions
{
    /// <summary>
    /// The key ring's folder (0700, files 0600); default <c>keys</c> under <c>Persistence:DataDirectory</c>.
    /// Identity replicas sharing one database must share this folder (a mounted volume or secret).
    /// </summary>
    public string? KeysDirectory { get; set; }
}

/// <summary>The administrator account created on first start (<c>Identity:Admin</c>).</summary>
internal sealed class AdminAccountOptions
{
    /// <summary>Whether to create it when no administrator exists (default true).</summary>
    public bool Create { get; set; } = true;

    /// <summary>Its e-mail address.</summary>
    public string Email { get; set; } = "admin@mercato.local";

    /// <summary>Its password; when empty a strong one is generated and printed once.</summary>
    public string? Password { get; set; }

    /// <summary>What is wrong with these settings.</summary>
    public IEnumerable<string> Problems() => SettingRules.Failed(
        EmailAddressRule.IsValid(Email) ? null : $"Identity:Admin:Email '{Email}' is not an e-mail address");
}
