using System.Net;
using Mercato.Notifications.Tests.Support;
using Mercato.Testing;
using MimeKit;

namespace Mercato.Notifications.Tests.Sending;

/// <summary>The embedded default: no SMTP server and no folders configured.</summary>
public sealed class FileTransportFactory : NotificationsFactory
{
    /// <summary>Creates the host with the file transports and their default folders.</summary>
    public FileTransportFactory()
    {
        Settings.Remove("Notifications:Email:Transport");
        Settings.Remove("Notifications:Sms:Directory");
    }
}

/// <summary>
/// With nothing configured, a demo shop's mail and text messages are files under its data folder
/// (<c>Persistence:DataDirectory</c>), whatever the working directory.
/// </summary>
public sealed class FileTransportTests(FileTransportFactory factory) : IClassFixture<FileTransportFactory>
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Mail_and_sms_are_written_under_the_data_folder()
    {
        var (_, email, _) = await _client.RegisterCustomerAsync("Ada", "Lovelace");
        var mail = Path.Combine(factory.DataDirectory, "mail");
        await factory.EventuallyAsync(() => Task.FromResult(Directory.Exists(mail) && Directory.EnumerateFiles(mail, "*.eml").Any()), "the welcome .eml file");
        var message = await MimeMessage.LoadAsync(Directory.EnumerateFiles(mail, "*.eml").Single());
        Assert.Equal((email, "Welcome to Test Shop, Ada"), (((MailboxAddress)message.To[0]).Address, message.Subject));

        var sender = await _client.SenderTokenAsync();
        using var sms = await _client.CallAsync(HttpMethod.Post, "/api/v1/notifications/sms", sender, new { to = "+14155550100", message = "Shipped!" });
        await sms.ExpectAsync(HttpStatusCode.Accepted);
        var id = (await sms.ReadJsonAsync()).GetProperty("data").GetProperty("notificationId").GetGuid();
        var file = Path.Combine(factory.DataDirectory, "sms", $"{id:N}.txt");
        await factory.EventuallyAsync(() => Task.FromResult(File.Exists(file)), "the SMS file under the data folder");
    }
}
