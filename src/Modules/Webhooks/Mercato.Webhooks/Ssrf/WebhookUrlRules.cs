namespace Mercato.Webhooks.Ssrf;

/// <summary>
/// Whether a URL may receive webhooks: absolute http(s), no credentials, no fragment, at most
/// 2,000 characters, a host whose every address is public (see <see cref="AddressGuard"/>), and
/// https unless the allow-list exempts the host.
/// </summary>
internal sealed class WebhookUrlRules(AddressGuard guard)
{
    /// <summary>The longest URL accepted.</summary>
    public const int MaxLength = 2000;

    /// <summary>Why <paramref name="url"/> may not receive webhooks, or null when it may.</summary>
    public async Task<string?> ProblemAsync(string? url, CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(url))
        {
            return "url is required";
        }

        if (url.Length > MaxLength)
        {
            return $"url must be at most {MaxLength} characters";
        }

        if (!Uri.TryCreate(url, UriKind.Absolute, out var uri) || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
        {
            return "url must be an absolute http or https URL";
        }

        if (uri.UserInfo.Length > 0)
        {
            return "url must not hold credentials (user:password@)";
        }

        if (uri.Fragment.Length > 0)
        {
            return "url must not hold a fragment (#...)";
        }

        var decision = await guard.CheckAsync(uri.Host, cancellationToken);
        if (decision.Problem is not null)
        {
            return "url is refused: " + decision.Problem;
        }

        return uri.Scheme == Uri.UriSchemeHttp && !decision.AllowListed ? "url must use https" : null;
    }
}
