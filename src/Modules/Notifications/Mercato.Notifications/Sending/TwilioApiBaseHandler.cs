using Microsoft.Extensions.Options;

namespace Mercato.Notifications.Sending;

/// <summary>
/// Sends the Twilio library's requests to <c>Notifications:Sms:Twilio:ApiBase</c> when it is not
/// Twilio's own API (a test double, a proxy): the library itself always addresses
/// <c>https://api.twilio.com</c>.
/// </summary>
internal sealed class TwilioApiBaseHandler(IOptions<NotificationsOptions> options) : DelegatingHandler
{
    /// <inheritdoc />
    protected override Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        var apiBase = new Uri(options.Value.Sms.Twilio.ApiBase.TrimEnd('/') + "/");
        if (request.RequestUri is { } uri && uri.Host.EndsWith("twilio.com", StringComparison.OrdinalIgnoreCase)
            && !string.Equals(apiBase.Host, uri.Host, StringComparison.OrdinalIgnoreCase))
        {
            request.RequestUri = new Uri(apiBase, uri.PathAndQuery.TrimStart('/'));
        }

        return base.SendAsync(request, cancellationToken);
    }
}
