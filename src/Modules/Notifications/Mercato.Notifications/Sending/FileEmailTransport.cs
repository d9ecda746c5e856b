using Mercato.Platform.Persistence;
using Microsoft.Extensions.Options;
using MimeKit;

namespace Mercato.Notifications.Sending;

/// <summary>
/// Keeps each e-mail as an <c>.eml</c> file (the embedded default, so the mail of a demo shop can
/// be opened in any mail program): <c>Notifications:Email:Directory</c>, else
/// <c>{Persistence:DataDirectory}/mail</c>.
/// </summary>
internal sealed class FileEmailTransport(IOptions<NotificationsOptions> options, IOptions<PersistenceOptions> persistence) : IEmailTransport
{
    /// <summary>Where the files go.</summary>
    public string Directory => Path.GetFullPath(options.Value.Email.Directory ?? Path.Combine(persistence.Value.DataDirectory, "mail"));

    /// <inheritdoc />
    public async Task<string> SendAsync(MimeMessage message, CancellationToken cancellationToken)
    {
        try
        {
            System.IO.Directory.CreateDirectory(Directory);
            var name = $"{DateTime.UtcNow:yyyyMMdd-HHmmss}-{Guid.NewGuid():N}.eml";
            var temporary = Path.Combine(Directory, name + ".tmp");
            await using (var file = File.Create(temporary))
            {
                await message.WriteToAsync(file, cancellationToken);
            }

            // Whole files only: a reader never sees half a message.
            File.Move(temporary, Path.Combine(Directory, name));
            return name;
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new DeliveryException($"Could not write the message to {Directory}: {ex.Message}", ex);
        }
    }
}
