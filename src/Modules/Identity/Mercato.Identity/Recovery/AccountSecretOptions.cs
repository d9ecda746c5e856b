using Mercato.Platform.Hosting;
using Mercato.Platform.RateLimiting;

namespace Mercato.Identity.Recovery;

/// <summary>Password-reset links (<c>Identity:PasswordReset</c>).</summary>
internal sealed class PasswordResetOptions
{
    /// <summary>How long a reset link works (default 1 hour).</summary>
    public TimeSpan TokenLifetime { get; set; } = TimeSpan.FromHours(1);

    /// <summary>
    /// The least time forgot-password, a code request and a verification resend take to answer
    /// (default 250 ms), for known and unknown addresses alike, so that timing tells nothing.
    /// </summary>
    public TimeSpan MinimumAnswerTime { get; set; } = TimeSpan.FromMilliseconds(250);

    /// <summary>What is wrong with these settings.</summary>
    public IEnumerable<string> Problems() => SettingRules.Failed(
        TokenLifetime >= TimeSpan.FromMinutes(1) ? null : "Identity:PasswordReset:TokenLifetime must be at least a minute",
        MinimumAnswerTime >= TimeSpan.Zero && MinimumAnswerTime <= TimeSpan.FromSeconds(5)
            ? null : "Identity:PasswordReset:MinimumAnswerTime must be between 00:00:00 and 00:00:05");
}

/// <summary>6-digit one-time codes, and the verification mails that carry one (<c>Identity:OneTimeCodes</c>).</summary>
internal sealed class OneTimeCodeOptions
{
    /// <summary>How long a code works (default 10 minutes); a verification mail's link works as long as its code.</summary>
    public TimeSpan Lifetime { get; set; } = TimeSpan.FromMinutes(10);

    /// <summary>Tries per code, right or wrong (default 5); the next try is refused and burns the code.</summary>
    public int MaxAttempts { get; set; } = 5;

    /// <summary>The shortest time between two mails of one purpose to one account (default 60 seconds).</summary>
    public TimeSpan ResendInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>What is wrong with these settings.</summary>
    public IEnumerable<string> Problems() => SettingRules.Failed(
        Lifetime >= TimeSpan.FromMinutes(1) ? null : "Identity:OneTimeCodes:Lifetime must be at least a minute",
        SettingRules.AtLeast(MaxAttempts, 1, "Identity:OneTimeCodes:MaxAttempts"),
        ResendInterval >= TimeSpan.FromSeconds(1) ? null : "Identity:OneTimeCodes:ResendInterval must be at least 1 second");
}

/// <summary>
/// Limits on the account-recovery endpoints (<c>Identity:AccountLimits</c>), per source address and
/// per account, in the rate limiter's plans and store (Redis when shared).
/// </summary>
internal sealed class AccountLimitOptions
{
    /// <summary>Mails asked for (forgot-password, code requests, resends) from one address (default 20 an hour, 5 at once).</summary>
    public RateLimitPlan RequestsPerAddress { get; set; } = RateLimitPlan.Of(20, 5);

    /// <summary>Token and code checks from one address (default 30 an hour, 10 at once).</summary>
    public RateLimitPlan AttemptsPerAddress { get; set; } = RateLimitPlan.Of(30, 10);

    /// <summary>Token and code checks against one account, from anywhere (default 20 an hour, 10 at once).</summary>
    public RateLimitPlan AttemptsPerAccount { get; set; } = RateLimitPlan.Of(20, 10);

    /// <summary>What is wrong with these settings.</summary>
    public IEnumerable<string> Problems() =>
    [
        .. RequestsPerAddress.Problems("Identity:AccountLimits:RequestsPerAddress"),
        .. AttemptsPerAddress.Problems("Identity:AccountLimits:AttemptsPerAddress"),
        .. AttemptsPerAccount.Problems("Identity:AccountLimits:AttemptsPerAccount"),
    ];
}

/// <summary>E-mail verification (<c>Identity:EmailVerification</c>).</summary>
internal sealed class EmailVerificationOptions
{
    /// <summary>Whether a new account must verify its address (default true): registration then sends the verification mail.</summary>
    public bool Required { get; set; } = true;
}
