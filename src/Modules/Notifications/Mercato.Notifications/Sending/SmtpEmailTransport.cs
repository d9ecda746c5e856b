using MailKit;
using MailKit.Net.Smtp;
using MailKit.Security;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Mercato.Notifications.Sending;

/// <summary>Sends e-mail to an SMTP server with MailKit (<c>Notifications:Email:Smtp</c>).</summary>
internal sealed class SmtpEmailTransport(IOptions<NotificationsOptions> options) : IEmailTransport
{
    /// <inheritdoc />
    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        var smtp = options.Value.Email.Smtp;
        using var client = new SmtpClient { Timeout = (int)smtp.Timeout.TotalMilliseconds };
        try
        {
            await client.ConnectAsync(smtp.Host!, smtp.Port, Security(smtp.Security), cancellationToken);
            if (!string.IsNullOrEmpty(smtp.Username))
            {
                await client.AuthenticateAsync(smtp.Username, smtp.Password ?? string.Empty, cancellationToken);
            }

            var answer = await client.SendAsync(message, cancellationToken);
            await client.DisconnectAsync(quit: true, cancellationToken);
            return string.IsNullOrWhiteSpace(message.MessageId) ? answer : message.MessageId;
        }
        catch (Exception ex) when (ex is IOException or System.Net.Sockets.SocketException or ProtocolException
            or CommandException or AuthenticationException or SslHandshakeException or TimeoutException)
        {
            throw new DeliveryException($"SMTP {smtp.Host}:{smtp.Port}: {ex.GetType().Name}: {ex.Message}", ex);
        }
    }

    private static SecureSocketOptions Security(string security) => security switch
    {
        "none" => SecureSocketOptions.None,
        "starttls" => SecureSocketOptions.StartTls,
        "tls" => SecureSocketOptions.SslOnConnect,
        _ => SecureSocketOptions.Auto,
    };
}
