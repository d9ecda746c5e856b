using System.Net.Http.Json;
using System.Text.Json;
using MimeKit;

namespace Mercato.Testing;

/// <summary>
/// What the test SMTP server (smtp4dev, started by the test command) received, read through its
/// HTTP API: the messages to an address, each parsed from its raw source with MimeKit.
/// </summary>
public sealed class MailServer : IDisposable
{
    private readonly HttpClient _http = new() { BaseAddress = new Uri(TestInfrastructure.SmtpApi), Timeout = TimeSpan.FromSeconds(30) };

    /// <summary>The SMTP host the test server listens on.</summary>
    public static string Host => TestInfrastructure.Smtp.Split(':')[0];

    /// <summary>The SMTP port the test server listens on.</summary>
    public static int Port => int.Parse(TestInfrastructure.Smtp.Split(':')[1], System.Globalization.CultureInfo.InvariantCulture);

    /// <summary>Every message received for <paramref name="recipient"/>, oldest first.</summary>
    public async Task<List<MimeMessage>> MessagesToAsync(string recipient)
    {
        var page = await _http.GetFromJsonAsync<JsonElement>("/api/messages?pageSize=1000&sortColumn=receivedDate&sortIsDescending=false");
        var messages = new List<MimeMessage>();
        foreach (var summary in page.GetProperty("results").EnumerateArray())
        {
            var to = summary.GetProperty("to").EnumerateArray().Select(t => t.GetString());
            if (!to.Contains(recipient, StringComparer.OrdinalIgnoreCase))
            {
                continue;
            }

            await using var source = await _http.GetStreamAsync($"/api/messages/{summary.GetProperty("id").GetString()}/raw");
            messages.Add(await MimeMessage.LoadAsync(source));
        }

        return messages;
    }

    /// <summary>Waits until <paramref name="count"/> messages for <paramref name="recipient"/> arrived and answers them; fails after <paramref name="patience"/>.</summary>
    /// <param name="recipient">The address.</param>
    /// <param name="count">How many messages to wait for.</param>
    /// <param name="patience">How long to wait (default 30 seconds).</param>
    /// <param name="poke">Called between polls (e.g. to move a test's fake clock so the sender runs).</param>
    public async Task<List<MimeMessage>> WaitForAsync(string recipient, int count = 1, TimeSpan? patience = null, Action? poke = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(30));
        while (true)
        {
            var messages = await MessagesToAsync(recipient);
            if (messages.Count >= count)
            {
                return messages;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"{messages.Count} of {count} message(s) to {recipient} arrived at the SMTP server in time.");
            }

            poke?.Invoke();
            await Task.Delay(100);
        }
    }

    /// <summary>Waits until a message for <paramref name="recipient"/> whose subject is <paramref name="subject"/> arrived and answers it; fails after <paramref name="patience"/>.</summary>
    /// <param name="recipient">The address.</param>
    /// <param name="subject">The subject, exactly.</param>
    /// <param name="patience">How long to wait (default 60 seconds).</param>
    /// <param name="poke">Called between polls (e.g. to move a test's fake clock so the sender runs).</param>
    public async Task<MimeMessage> WaitForSubjectAsync(string recipient, string subject, TimeSpan? patience = null, Action? poke = null)
    {
        var deadline = DateTime.UtcNow + (patience ?? TimeSpan.FromSeconds(60));
        while (true)
        {
            var messages = await MessagesToAsync(recipient);
            var found = messages.Where(m => m.Subject == subject).ToList();
            if (found.Count > 0)
            {
                return found.Count == 1
                    ? found[0]
                    : throw new InvalidOperationException($"{found.Count} messages to {recipient} with the subject '{subject}' arrived; one was expected.");
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException(
                    $"No message to {recipient} with the subject '{subject}' arrived in time; these did: {string.Join(" | ", messages.Select(m => m.Subject))}");
            }

            poke?.Invoke();
            await Task.Delay(100);
        }
    }

    /// <inheritdoc />
    public void Dispose() => _http.Dispose();
}
