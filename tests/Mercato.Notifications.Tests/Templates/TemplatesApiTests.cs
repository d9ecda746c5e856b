using System.Net;
using Mercato.Notifications.Data;
using Mercato.Notifications.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Notifications.Tests.Templates;

/// <summary>
/// Administrators replace a template, preview it with sample data and send a test; the next
/// real message uses their version, and going back restores the shipped one.
/// </summary>
public abstract class TemplatesApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : NotificationsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Every_template_is_listed_and_ships_in_english_and_german_and_renders_its_sample_in_both()
    {
        var admin = await _client.AdminTokenAsync();
        using var response = await _client.CallAsync(HttpMethod.Get, "/api/v1/notifications/templates", admin);
        await response.ExpectAsync(HttpStatusCode.OK);
        var keys = (await response.ReadJsonAsync()).GetProperty("data").EnumerateArray()
            .ToDictionary(t => t.GetProperty("key").GetString()!, t => t.GetProperty("shippedLanguages").EnumerateArray().Select(l => l.GetString()!).ToArray());
        Assert.Equal(
            ["email-verification", "order-cancelled", "order-paid", "order-placed", "order-shipped", "password-changed", "password-reset", "payment-failed", "payment-refunded", "support-reply", "webhook-endpoint-disabled", "welcome"],
            keys.Keys.Order(StringComparer.Ordinal).ToArray());
        Assert.All(keys.Values, languages => Assert.Equal(["de", "en"], languages));

        foreach (var key in keys.Keys)
        {
            foreach (var language in new[] { "en", "de" })
            {
                using var preview = await _client.CallAsync(HttpMethod.Post, $"/api/v1/notifications/templates/{key}/preview", admin, new { language });
                await preview.ExpectAsync(HttpStatusCode.OK);
                var data = (await preview.ReadJsonAsync()).GetProperty("data");
                Assert.Equal(language, data.GetProperty("language").GetString());
                Assert.NotEmpty(data.GetProperty("subject").GetString()!);
                Assert.Contains("Test Shop", data.GetProperty("text").GetString(), StringComparison.Ordinal);
                Assert.StartsWith(language == "de" ? "Hallo Ada," : "Hello Ada,", data.GetProperty("text").GetString(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task A_replaced_template_is_previewed_tested_and_used_by_the_next_real_message_until_reset()
    {
        using var mail = new MailServer();
        var admin = await _client.AdminTokenAsync();
        using var saved = await _client.CallAsync(HttpMethod.Put, "/api/v1/notifications/templates/welcome", admin, new
        {
            language = "en",
            subject = "Hi {{ customer.firstName }}, welcome aboard {{ shop.name }}",
            text = "Custom welcome for {{ customer.email }}",
            html = "<h1>Welcome {{ customer.firstName }}</h1>",
        });
        await saved.ExpectAsync(HttpStatusCode.OK);
        try
        {
            using var preview = await _client.CallAsync(HttpMethod.Post, "/api/v1/notifications/templates/welcome/preview", admin, new { data = new { customer = new { firstName = "<Ada>", email = "ada@example.com" } } });
            await preview.ExpectAsync(HttpStatusCode.OK);
            var rendered = (await preview.ReadJsonAsync()).GetProperty("data");
            Assert.Equal("Hi <Ada>, welcome aboard Test Shop", rendered.GetProperty("subject").GetString());
            Assert.Equal("<h1>Welcome &lt;Ada&gt;</h1>", rendered.GetProperty("html").GetString());

            var to = $"test-{ShopApi.Unique()}@example.com";
            using var test = await _client.CallAsync(HttpMethod.Post, "/api/v1/notifications/templates/welcome/test", admin, new { to });
            await test.ExpectAsync(HttpStatusCode.Accepted);
            var sample = (await mail.WaitForAsync(to, poke: factory.Tick)).Single();
            Assert.Equal("Hi Ada, welcome aboard Test Shop", sample.Subject);

            var (_, email, _) = await _client.RegisterCustomerAsync("Linus", "Torvalds");
            var real = (await mail.WaitForAsync(email, poke: factory.Tick)).Single();
            Assert.Equal("Hi Linus, welcome aboard Test Shop", real.Subject);
            Assert.Equal($"Custom welcome for {email}", real.TextBody?.Trim());
        }
        finally
        {
            using var reset = await _client.CallAsync(HttpMethod.Delete, "/api/v1/notifications/templates/welcome?language=en", admin);
            await reset.ExpectAsync(HttpStatusCode.OK);
            Assert.True((await reset.ReadJsonAsync()).GetProperty("data").GetProperty("isDefault").GetBoolean());
        }

        var (_, after, _) = await _client.RegisterCustomerAsync("Grace", "Hopper");
        Assert.Equal("Welcome to Test Shop, Grace", (await mail.WaitForAsync(after, poke: factory.Tick)).Single().Subject);
    }

    [Fact]
    public async Task Invalid_liquid_and_missing_parts_are_400_naming_the_part_and_nothing_is_saved()
    {
        var admin = await _client.AdminTokenAsync();
        using var broken = await _client.CallAsync(HttpMethod.Put, "/api/v1/notifications/templates/order-shipped", admin, new { subject = "Shipped", text = "{% if order.number %}unclosed", html = "<p>ok</p>" });
        await broken.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("text", (await broken.ReadErrorAsync()).ErrorFields());

        using var missing = await _client.CallAsync(HttpMethod.Put, "/api/v1/notifications/templates/order-shipped", admin, new { subject = "Shipped", text = "Text" });
        await missing.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("html", (await missing.ReadErrorAsync()).ErrorFields());

        using var badLanguage = await _client.CallAsync(HttpMethod.Put, "/api/v1/notifications/templates/order-shipped", admin, new { language = "english", subject = "S", text = "T", html = "H" });
        await badLanguage.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains("language", (await badLanguage.ReadErrorAsync()).ErrorFields());

        Assert.Equal(0, await factory.WithDbAsync(db => db.TemplateOverrides.CountAsync(t => t.Key == "order-shipped")));

        using var unknown = await _client.CallAsync(HttpMethod.Put, "/api/v1/notifications/templates/no-such", admin, new { subject = "S", text = "T", html = "H" });
        await unknown.ExpectAsync(HttpStatusCode.NotFound);
        using var noOverride = await _client.CallAsync(HttpMethod.Delete, "/api/v1/notifications/templates/order-paid", admin);
        await noOverride.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task Templates_are_for_administrators_only()
    {
        var (_, _, customer) = await _client.RegisterCustomerAsync();
        using var anonymous = await _client.CallAsync(HttpMethod.Get, "/api/v1/notifications/templates", null);
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized);
        using var asCustomer = await _client.CallAsync(HttpMethod.Put, "/api/v1/notifications/templates/welcome", customer, new { subject = "S", text = "T", html = "H" });
        await asCustomer.ExpectAsync(HttpStatusCode.Forbidden);
        var sender = await _client.SenderTokenAsync();
        using var asService = await _client.CallAsync(HttpMethod.Get, "/api/v1/notifications/templates/welcome", sender);
        await asService.ExpectAsync(HttpStatusCode.Forbidden);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteTemplatesApiTests(NotificationsFactory factory) : TemplatesApiTests<NotificationsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresTemplatesApiTests(PostgresNotificationsFactory factory) : TemplatesApiTests<PostgresNotificationsFactory>(factory);
