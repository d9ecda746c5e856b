using System.Net;
using Mercato.Notifications.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Notifications.Tests.Api;

/// <summary>
/// <c>POST /api/v1/notifications/email</c> and <c>/sms</c> (seed 004): services with
/// <c>notifications.send</c> and administrators queue messages; everyone else is refused and bad
/// input stores nothing.
/// </summary>
public abstract class SendApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : NotificationsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_service_sends_an_email_as_written_it_is_queued_then_delivered_and_readable_by_an_administrator()
    {
        using var mail = new MailServer();
        var sender = await _client.SenderTokenAsync();
        var to = $"buyer-{ShopApi.Unique()}@example.com";
        using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/notifications/email", sender, new { to, subject = "Your invoice", body = "Thanks for shopping.", html = "<p>Thanks for <b>shopping</b>.</p>" });
        await response.ExpectAsync(HttpStatusCode.Accepted);
        var json = await response.ReadJsonAsync();
        var data = json.GetProperty("data");
        Assert.Equal(("queued", "Email notification queued for delivery"), (data.GetProperty("status").GetString(), json.GetProperty("message").GetString()));
        var id = data.GetProperty("notificationId").GetGuid();
        Assert.Equal($"/api/v1/notifications/{id}", response.Headers.Location!.OriginalString);

        var received = (await mail.WaitForAsync(to, poke: factory.Tick)).Single();
        Assert.Equal(("Your invoice", "Thanks for shopping."), (received.Subject, received.TextBody?.Trim()));
        Assert.Contains("<b>shopping</b>", received.HtmlBody ?? string.Empty, StringComparison.Ordinal);

        var admin = await _client.AdminTokenAsync();
        await factory.EventuallyAsync(async () => (await StatusAsync(id, admin)).GetProperty("status").GetString() == "sent", "the record to be sent");
        var record = await StatusAsync(id, admin);
        Assert.Equal((to, "email", 1, "Your invoice"), (record.GetProperty("to").GetString(), record.GetProperty("type").GetString(), record.GetProperty("attempts").GetInt32(), record.GetProperty("subject").GetString()));
        Assert.Equal(received.MessageId, record.GetProperty("providerMessageId").GetString());
    }

    [Fact]
    public async Task An_administrator_sends_from_a_template_with_seed_004s_data()
    {
        using var mail = new MailServer();
        var admin = await _client.AdminTokenAsync();
        var to = $"buyer-{ShopApi.Unique()}@example.com";
        using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/notifications/email", admin, new
        {
            to,
            subject = "Order Confirmation",
            templateId = "order-confirmation",
            templateData = new { order = new { number = "ORD-2025-000100", total = "863.98 USD", lines = Array.Empty<object>() }, customer = new { firstName = "John" } },
        });
        await response.ExpectAsync(HttpStatusCode.Accepted);

        var received = (await mail.WaitForAsync(to, poke: factory.Tick)).Single();
        Assert.Equal("Order Confirmation", received.Subject);
        Assert.Contains("Hello John", received.TextBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("thank you for your order ORD-2025-000100", received.TextBody ?? string.Empty, StringComparison.Ordinal);
        Assert.Contains("Total: 863.98 USD", received.TextBody ?? string.Empty, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_text_message_is_written_by_the_sms_transport()
    {
        var sender = await _client.SenderTokenAsync();
        using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/notifications/sms", sender, new { to = "+14155550100", message = "Your order ORD-2025-000100 has been shipped!" });
        await response.ExpectAsync(HttpStatusCode.Accepted);
        var id = (await response.ReadJsonAsync()).GetProperty("data").GetProperty("notificationId").GetGuid();

        var file = Path.Combine(factory.SmsDirectory, $"{id:N}.txt");
        await factory.EventuallyAsync(() => Task.FromResult(File.Exists(file)), "the SMS file");
        Assert.Equal("To: +14155550100\n\nYour order ORD-2025-000100 has been shipped!", await File.ReadAllTextAsync(file));
    }

    [Theory]
    [InlineData("not-an-address", "to")]
    [InlineData("", "to")]
    [InlineData("two@example.com, three@example.com", "to")]
    public async Task A_bad_recipient_is_400_naming_to_and_nothing_is_stored(string to, string field)
    {
        var sender = await _client.SenderTokenAsync();
        var before = await CountAsync();
        using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/notifications/email", sender, new { to, subject = "Hi", body = "Hello" });
        await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields());
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Missing_parts_an_unknown_template_and_a_bad_phone_number_are_400_naming_the_field()
    {
        var sender = await _client.SenderTokenAsync();
        var before = await CountAsync();
        await ExpectFieldAsync("/api/v1/notifications/email", sender, new { to = "a@example.com", body = "no subject" }, "subject");
        await ExpectFieldAsync("/api/v1/notifications/email", sender, new { to = "a@example.com", subject = "no body" }, "body");
        await ExpectFieldAsync("/api/v1/notifications/email", sender, new { to = "a@example.com", templateId = "no-such-template" }, "templateId");
        await ExpectFieldAsync("/api/v1/notifications/sms", sender, new { to = "4155550100", message = "no plus" }, "to");
        await ExpectFieldAsync("/api/v1/notifications/sms", sender, new { to = "+14155550100" }, "message");
        await ExpectFieldAsync("/api/v1/notifications/sms", sender, new { to = "+14155550100", message = new string('x', 1601) }, "message");
        Assert.Equal(before, await CountAsync());
    }

    [Fact]
    public async Task Anonymous_is_401_a_customer_and_a_service_without_the_scope_are_403()
    {
        var body = new { to = "a@example.com", subject = "Hi", body = "Hello" };
        using var anonymous = await _client.CallAsync(HttpMethod.Post, "/api/v1/notifications/email", null, body);
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized);
        Assert.Equal("UNAUTHORIZED", (await anonymous.ReadErrorAsync()).ErrorCodes()[0]);

        var (_, _, customer) = await _client.RegisterCustomerAsync();
        using var asCustomer = await _client.CallAsync(HttpMethod.Post, "/api/v1/notifications/email", customer, body);
        await asCustomer.ExpectAsync(HttpStatusCode.Forbidden);

        var reports = await _client.ServiceTokenAsync(NotificationsFactory.ReportsClient, NotificationsFactory.ClientSecret);
        using var asReports = await _client.CallAsync(HttpMethod.Post, "/api/v1/notifications/sms", reports, new { to = "+14155550100", message = "Hi" });
        await asReports.ExpectAsync(HttpStatusCode.Forbidden);
        Assert.Equal("FORBIDDEN", (await asReports.ReadErrorAsync()).ErrorCodes()[0]);
    }

    [Fact]
    public async Task The_same_idempotency_key_queues_one_message()
    {
        var sender = await _client.SenderTokenAsync();
        var key = new Dictionary<string, string> { ["Idempotency-Key"] = "send-" + ShopApi.Unique() };
        var body = new { to = $"once-{ShopApi.Unique()}@example.com", subject = "Once", body = "Only once" };
        using var first = await _client.CallAsync(HttpMethod.Post, "/api/v1/notifications/email", sender, body, key);
        using var second = await _client.CallAsync(HttpMethod.Post, "/api/v1/notifications/email", sender, body, key);
        await first.ExpectAsync(HttpStatusCode.Accepted);
        await second.ExpectAsync(HttpStatusCode.Accepted);
        Assert.Equal(
            (await first.ReadJsonAsync()).GetProperty("data").GetProperty("notificationId").GetGuid(),
            (await second.ReadJsonAsync()).GetProperty("data").GetProperty("notificationId").GetGuid());
        Assert.Equal(1, await factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.Recipient == body.to)));
    }

    private async Task ExpectFieldAsync(string path, string token, object body, string field)
    {
        using var response = await _client.CallAsync(HttpMethod.Post, path, token, body);
        await response.ExpectAsync(HttpStatusCode.BadRequest);
        var error = await response.ReadErrorAsync();
        Assert.Contains(field, error.ErrorFields());
    }

    /// <summary>
    /// Notifications requested through the send API. Those the module makes from integration events
    /// (a welcome mail for a customer another test registered) arrive whenever the relay delivers
    /// the event, so they are left out of the before/after comparison.
    /// </summary>
    private Task<int> CountAsync() => factory.WithDbAsync(db => db.Notifications.CountAsync(n => n.SourceEventId == null));

    private async Task<System.Text.Json.JsonElement> StatusAsync(Guid id, string token)
    {
        using var response = await _client.CallAsync(HttpMethod.Get, $"/api/v1/notifications/{id}", token);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteSendApiTests(NotificationsFactory factory) : SendApiTests<NotificationsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresSendApiTests(PostgresNotificationsFactory factory) : SendApiTests<PostgresNotificationsFactory>(factory);
