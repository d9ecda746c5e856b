using Mercato.Identity.Clients;
using Mercato.Identity.Keys;
using Mercato.Identity.Passwords;

namespace Mercato.Identity;

/// <summary>The Identity module's settings (<c>Identity</c> section).</summary>
internal sealed class IdentitySettings
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Identity";

    /// <summary>How long an access token is valid (default 15 minutes).</summary>
    public TimeSpan AccessTokenLifetime { get; set; } = TimeSpan.FromMinutes(15);

    /// <summary>How long a refresh token may be redeemed after it was issued (default 14 days).</summary>
    public TimeSpan RefreshTokenLifetime { get; set; } = TimeSpan.FromDays(14);

    /// <summary>Password rules and hashing.</summary>
    public PasswordPolicyOptions Password { get; set; } = new();

    /// <summary>Lockout after repeated failed sign-ins.</summary>
    public LockoutPolicyOptions Lockout { get; set; } = new();

    /// <summary>The administrator account created on first start.</summary>
    public AdminAccountOptions Admin { get; set; } = new();

    /// <summary>Service clients allowed to obtain service tokens, by client id.</summary>
    public Dictionary<string, ServiceClientOptions> Clients { get; set; } = new(StringComparer.Ordinal);

    /// <summary>The keys that sign access tokens.</summary>
    public SigningKeyOptions SigningKeys { get; set; } = new();
}

/// <summary>Lockout after repeated failed sign-ins (<c>Identity:Lockout</c>).</summary>
internal sealed class LockoutPolicyOptions
{
    /// <summary>Failed sign-ins in a row that lock the account (default 5).</summary>
    public int MaxFailedAttempts { get; set; } = 5;

    /// <summary>How long the account stays locked (default 15 minutes).</summary>
    public TimeSpan Duration { get; set; } = TimeSpan.FromMinutes(15);
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
}
