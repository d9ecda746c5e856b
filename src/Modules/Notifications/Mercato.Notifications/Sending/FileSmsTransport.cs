using System.Text;
using Mercato.Platform.Persistence;
using Microsoft.Extensions.Options;

namespace Mercato.Notifications.Sending;

/// <summary>
/// Keeps each text message as a file (the default): <c>Notifications:Sms:Directory</c>, else
/// <c>{Persistence:DataDirectory}/sms</c>.
/// </summary>
internal sealed class FileSmsTransport(IOptions<NotificationsOptions> options, IOptions<PersistenceOptions> persistence) : ISmsTransport
{
    /// <summary>Where the files go.</summary>
    public string Directory => Path.GetFullPath(options.Value.Sms.Directory ?? Path.Combine(persistence.Value.DataDirectory, "sms"));

    /// <inheritdoc />
    public async Task<string> SendAsync(Guid messageId, string to, string text, CancellationToken cancellationToken)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var name = $"{messageId:N}.txt";
            var temporary = Path.Combine(Directory, name + ".tmp");
            await File.WriteAllTextAsync(temporary, $"To: {to}\n\n{text}", Encoding.UTF8, cancellationToken);
            File.Move(temporary, Path.Combine(Directory, name), overwrite: true);
            return name;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DeliveryException($"Could not write the message to {Directory}: {ex.Message}", ex);
        }
    }
}
