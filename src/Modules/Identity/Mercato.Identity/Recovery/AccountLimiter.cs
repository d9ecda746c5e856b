using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.RateLimiting;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Recovery;

/// <summary>
/// The limits of the account-recovery endpoints, counted in the rate limiter's store (this
/// process's memory in embedded mode, Redis shared by every replica in distributed mode) under
/// keys of their own. An unknown account is counted under its normalised address exactly like a
/// known one, so a refusal never tells which accounts exist.
/// </summary>
internal sealed class AccountLimiter(IRateLimitStore store, IOptions<IdentitySettings> settings)
{
    private const string Prefix = "identity:account:";

    /// <summary>What an account is counted under: its id, or the normalised address when no account has it.</summary>
    public static string AccountKey(Users.User? user, string normalizedEmail) => user?.Id.ToString() ?? "unknown:" + normalizedEmail;

    /// <summary>
    /// Counts a mail asked for: <paramref name="account"/> may have one per
    /// <see cref="OneTimeCodeOptions.ResendInterval"/> and <paramref name="purpose"/>, the address its plan.
    /// </summary>
    /// <returns>Null when allowed; the 429 otherwise.</returns>
    public async ValueTask<ApiErrorResult?> MailRequestedAsync(string address, string account, string purpose, CancellationToken cancellationToken)
    {
        var value = settings.Value;
        var interval = value.OneTimeCodes.ResendInterval;
        return await CheckAsync($"{Prefix}requests:{address}", value.AccountLimits.RequestsPerAddress, cancellationToken)
            ?? await CheckAsync($"{Prefix}resend:{purpose}:{account}", RateLimitPlan.Of(1, 1, interval), cancellationToken);
    }

    /// <summary>Counts a token or code tried from <paramref name="address"/> on <paramref name="account"/> (null: not known yet).</summary>
    /// <returns>Null when allowed; the 429 otherwise.</returns>
    public async ValueTask<ApiErrorResult?> AttemptAsync(string address, string? account, CancellationToken cancellationToken)
    {
        var limits = settings.Value.AccountLimits;
        return await CheckAsync($"{Prefix}attempts:{address}", limits.AttemptsPerAddress, cancellationToken)
            ?? (account is null ? null : await CheckAsync($"{Prefix}attempts-on:{account}", limits.AttemptsPerAccount, cancellationToken));
    }

    private async ValueTask<ApiErrorResult?> CheckAsync(string key, RateLimitPlan plan, CancellationToken cancellationToken)
    {
        var decision = await store.AcquireAsync(key, plan, cancellationToken);
        if (decision.Allowed)
        {
            return null;
        }

        var seconds = decision.RetryAfterSeconds;
        return ApiResults.TooManyRequests(seconds, $"Too many requests; try again in {seconds} second(s)");
    }
}
