using Microsoft.Extensions.Options;
using Twilio.Clients;
using Twilio.Exceptions;
using Twilio.Http;
using Twilio.Rest.Api.V2010.Account;
using Twilio.Types;

namespace Mercato.Notifications.Sending;

/// <summary>
/// Sends text messages with Twilio's client library (<c>Notifications:Sms:Twilio</c>): from the
/// configured number or Messaging Service; the answer's SID (<c>SM...</c>) is the provider's id.
/// Twilio refusing the message itself (an invalid or unreachable number: a 4xx other than
/// 401/403/408/429) is permanent; an outage, throttling or rejected credentials are retried.
/// </summary>
internal sealed class TwilioSmsTransport(IHttpClientFactory httpClients, IOptions<NotificationsOptions> options) : ISmsTransport
{
    /// <summary>The named HttpClient the Twilio library sends through.</summary>
    public const string HttpClientName = "notifications-twilio";

    /// <inheritdoc />
    public async Task<string> SendAsync(Guid messageId, string to, string text, CancellationToken cancellationToken)
    {
        var settings = options.Value.Sms.Twilio;
        var client = new TwilioRestClient(
            settings.AccountSid, settings.AuthToken, settings.AccountSid, httpClient: new SystemNetHttpClient(httpClients.CreateClient(HttpClientName)));
        var message = new CreateMessageOptions(new PhoneNumber(to)) { Body = text };
        if (string.IsNullOrWhiteSpace(settings.MessagingServiceSid))
        {
            message.From = new PhoneNumber(settings.From);
        }
        else
        {
            message.MessagingServiceSid = settings.MessagingServiceSid;
        }

        try
        {
            var sent = await MessageResource.CreateAsync(message, client).WaitAsync(cancellationToken);
            return sent.Sid;
        }
        catch (ApiException ex)
        {
            var permanent = ex.Status is >= 400 and < 500 and not (401 or 403 or 408 or 429);
            // Twilio's message may quote the recipient's number: the reason kept (and logged) is the status and Twilio's error code.
            var help = string.IsNullOrEmpty(ex.MoreInfo) ? string.Empty : ", " + ex.MoreInfo;
            throw new DeliveryException($"Twilio answered {ex.Status} (error {ex.Code}{help})", ex, permanent);
        }
        catch (Exception ex) when (ex is TwilioException or HttpRequestException)
        {
            throw new DeliveryException($"Twilio could not be reached: {ex.GetType().Name}: {ex.Message}", ex);
        }
    }
}
