using System.Text;
using System.Text.RegularExpressions;
using Mercato.Payments.Tests.Support;
using Mercato.Testing;

namespace Mercato.Payments.Tests.Checkout;

/// <summary>
/// PCI DSS SAQ A as a shop's auditor would check it: after paying on the gateway's page (with and
/// without a challenge) and saving a card, no card number and no security code is in any log line,
/// in any API answer, or anywhere in the database files; only brand, last four digits and expiry are.
/// </summary>
public sealed partial class CardDataTests(PaymentsFactory factory) : IClassFixture<PaymentsFactory>
{
    private const string Card = "4242424242424242";
    private const string ChallengeCard = "4000002500003155";
    private const string SecurityCode = "987";

    private readonly HttpClient _client = factory.CreateClient();
    private readonly HttpClient _browser = factory.Browser();

    [Fact]
    public async Task No_card_number_or_security_code_is_logged_answered_or_stored()
    {
        var answers = new StringBuilder();
        var order = await _client.CustomerOrderAsync();
        var session = await _client.SessionAsync(order);
        using (var paid = await _browser.PayOnPageAsync(session.GetProperty("checkoutUrl").GetString()!, "4242 4242 4242 4242", cvc: SecurityCode))
        {
            answers.Append(await paid.Content.ReadAsStringAsync());
            using var back = await _browser.FollowAsync(paid);
            answers.Append(await back.Content.ReadAsStringAsync());
        }

        var challenged = await _client.CustomerOrderAsync();
        var second = await _client.SessionAsync(challenged);
        using (var page = await _browser.PayOnPageAsync(second.GetProperty("checkoutUrl").GetString()!, ChallengeCard, cvc: SecurityCode))
        {
            answers.Append(await page.Content.ReadAsStringAsync());
        }

        var payment = await _client.PaymentAsync(session.GetProperty("paymentId").GetGuid(), order.Token);
        answers.Append(payment.GetRawText());
        Assert.Equal(("visa", "4242"), (payment.GetProperty("brand").GetString(), payment.GetProperty("last4").GetString()));

        // Everything the server logged, at every level.
        var logged = string.Join('\n', factory.Logs.Entries.Select(e => e.Message + " " + e.Exception));
        Assert.DoesNotContain(Card, logged, StringComparison.Ordinal);
        Assert.DoesNotContain(ChallengeCard, logged, StringComparison.Ordinal);
        Assert.DoesNotContain(CardLike().Matches(logged).Select(m => m.Value), v => v.StartsWith("4000", StringComparison.Ordinal) || v.StartsWith("4242", StringComparison.Ordinal));
        Assert.DoesNotContain(Card, answers.ToString(), StringComparison.Ordinal);

        // Every database file and its write-ahead log, byte for byte; the last four digits are
        // there (so the scan does read what Payments stored), the whole number is not.
        var files = Directory.EnumerateFiles(factory.DataDirectory, "*.db*", SearchOption.AllDirectories).ToList();
        Assert.Contains(files, f => Path.GetFileName(f).StartsWith("payments.db", StringComparison.Ordinal));
        var lastFourSeen = false;
        foreach (var file in files)
        {
            var bytes = await ReadSharedAsync(file);
            var text = Encoding.Latin1.GetString(bytes);
            lastFourSeen |= Path.GetFileName(file).StartsWith("payments.db", StringComparison.Ordinal) && text.Contains("3155", StringComparison.Ordinal);
            Assert.False(text.Contains(Card, StringComparison.Ordinal), $"{Path.GetFileName(file)} holds the card number");
            Assert.False(text.Contains(ChallengeCard, StringComparison.Ordinal), $"{Path.GetFileName(file)} holds the challenge card's number");
            Assert.False(text.Contains("4242 4242 4242 4242", StringComparison.Ordinal), $"{Path.GetFileName(file)} holds the card number as typed");
        }

        Assert.True(lastFourSeen, "the challenge card's last four digits were not found in the Payments database: the scan read nothing");
    }

    private static async Task<byte[]> ReadSharedAsync(string path)
    {
        await using var stream = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.ReadWrite | FileShare.Delete);
        using var copy = new MemoryStream();
        await stream.CopyToAsync(copy);
        return copy.ToArray();
    }

    [GeneratedRegex("[0-9]{13,19}")]
    private static partial Regex CardLike();
}
