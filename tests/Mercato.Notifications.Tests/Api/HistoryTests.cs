using System.Net;
using Mercato.Notifications.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Notifications.Tests.Api;

/// <summary>
/// <c>GET /api/v1/notifications/history</c> and <c>/{id}</c> (seed 004): a customer sees their own
/// messages, an administrator everyone's; another customer's message is 404.
/// </summary>
public abstract class HistoryTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : NotificationsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_customer_sees_only_their_own_messages_an_administrator_sees_and_filters_everyones()
    {
        var mine = await _client.CustomerOrderAsync();
        var theirs = await _client.CustomerOrderAsync();
        await factory.EventuallyAsync(async () => (await _client.HistoryAsync(mine.Token)).GetProperty("totalCount").GetInt32() == 2
            && (await _client.HistoryAsync(theirs.Token)).GetProperty("totalCount").GetInt32() == 2, "the welcome and order messages");

        var history = await _client.HistoryAsync(mine.Token);
        Assert.All(history.GetProperty("items").EnumerateArray(), i => Assert.Equal(mine.Email, i.GetProperty("to").GetString()));
        Assert.Equal((1, 20), (history.GetProperty("pageNumber").GetInt32(), history.GetProperty("pageSize").GetInt32()));

        var placed = await _client.HistoryAsync(mine.Token, "?type=email&pageSize=1");
        Assert.Single(placed.GetProperty("items").EnumerateArray());
        Assert.Equal(2, placed.GetProperty("totalCount").GetInt32());
        Assert.Equal(0, (await _client.HistoryAsync(mine.Token, "?type=sms")).GetProperty("totalCount").GetInt32());

        var admin = await _client.AdminTokenAsync();
        var theirsForAdmin = await _client.HistoryAsync(admin, $"?userId={theirs.UserId}");
        Assert.Equal(2, theirsForAdmin.GetProperty("totalCount").GetInt32());
        Assert.All(theirsForAdmin.GetProperty("items").EnumerateArray(), i => Assert.Equal(theirs.Email, i.GetProperty("to").GetString()));
        Assert.True((await _client.HistoryAsync(admin)).GetProperty("totalCount").GetInt32() >= 4);
    }

    [Fact]
    public async Task One_message_its_owner_and_administrators_read_it_another_customer_gets_404_anonymous_401()
    {
        var mine = await _client.CustomerOrderAsync();
        await factory.EventuallyAsync(async () => (await _client.HistoryAsync(mine.Token)).GetProperty("totalCount").GetInt32() == 2, "the messages");
        var id = (await _client.HistoryAsync(mine.Token)).GetProperty("items")[0].GetProperty("id").GetGuid();

        using var own = await _client.CallAsync(HttpMethod.Get, $"/api/v1/notifications/{id}", mine.Token);
        await own.ExpectAsync(HttpStatusCode.OK);
        var data = (await own.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(id, data.GetProperty("id").GetGuid());
        Assert.Contains("Hello Grace", data.GetProperty("body").GetString(), StringComparison.Ordinal);

        var admin = await _client.AdminTokenAsync();
        using var asAdmin = await _client.CallAsync(HttpMethod.Get, $"/api/v1/notifications/{id}", admin);
        await asAdmin.ExpectAsync(HttpStatusCode.OK);

        var (_, _, stranger) = await _client.RegisterCustomerAsync();
        using var asStranger = await _client.CallAsync(HttpMethod.Get, $"/api/v1/notifications/{id}", stranger);
        await asStranger.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal("NOT_FOUND", (await asStranger.ReadErrorAsync()).ErrorCodes()[0]);

        using var unknown = await _client.CallAsync(HttpMethod.Get, $"/api/v1/notifications/{Guid.NewGuid()}", admin);
        await unknown.ExpectAsync(HttpStatusCode.NotFound);

        using var anonymous = await _client.CallAsync(HttpMethod.Get, $"/api/v1/notifications/{id}", null);
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized);
        using var anonymousHistory = await _client.CallAsync(HttpMethod.Get, "/api/v1/notifications/history", null);
        await anonymousHistory.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    [Theory]
    [InlineData("?type=fax", "type")]
    [InlineData("?status=delivered-by-owl", "status")]
    [InlineData("?pageSize=0", "pageSize")]
    [InlineData("?pageNumber=0", "pageNumber")]
    [InlineData("?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from")]
    public async Task A_bad_filter_is_400_naming_it(string query, string field)
    {
        var (_, _, token) = await _client.RegisterCustomerAsync();
        using var response = await _client.CallAsync(HttpMethod.Get, "/api/v1/notifications/history" + query, token);
        await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields());
    }

    [Fact]
    public async Task Resend_and_cancel_are_for_administrators_and_follow_the_status()
    {
        var admin = await _client.AdminTokenAsync();
        var sender = await _client.SenderTokenAsync();
        using var queued = await _client.CallAsync(HttpMethod.Post, "/api/v1/notifications/email", sender, new { to = $"r-{ShopApi.Unique()}@example.com", subject = "Hi", body = "Hello" });
        var id = (await queued.ReadJsonAsync()).GetProperty("data").GetProperty("notificationId").GetGuid();

        // Still queued: resending is refused, cancelling works (the clock has not moved, so the dispatcher has not run).
        using var early = await _client.CallAsync(HttpMethod.Post, $"/api/v1/notifications/{id}/resend", admin);
        await early.ExpectAsync(HttpStatusCode.Conflict);
        using var cancel = await _client.CallAsync(HttpMethod.Post, $"/api/v1/notifications/{id}/cancel", admin);
        await cancel.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("cancelled", (await cancel.ReadJsonAsync()).GetProperty("data").GetProperty("status").GetString());
        using var again = await _client.CallAsync(HttpMethod.Post, $"/api/v1/notifications/{id}/cancel", admin);
        await again.ExpectAsync(HttpStatusCode.Conflict);

        // The cancel (a conditional update) is audited once, in its transaction; the refused second one is not.
        var audits = await factory.WithDbAsync(db => db.Set<Mercato.Messaging.Outbox.OutboxMessage>()
            .Where(m => m.Type == "platform.audit-recorded.v1" && m.Payload.Contains("notifications.notification.updated") && m.Payload.Contains(id.ToString()))
            .Select(m => m.Payload).ToListAsync());
        var audit = Assert.Single(audits);
        Assert.Contains("cancelled", audit, StringComparison.Ordinal);

        using var resend = await _client.CallAsync(HttpMethod.Post, $"/api/v1/notifications/{id}/resend", admin);
        await resend.ExpectAsync(HttpStatusCode.Accepted);
        var copy = (await resend.ReadJsonAsync()).GetProperty("data");
        Assert.Equal((id, "queued"), (copy.GetProperty("resentFrom").GetGuid(), copy.GetProperty("status").GetString()));

        var (_, _, customer) = await _client.RegisterCustomerAsync();
        using var asCustomer = await _client.CallAsync(HttpMethod.Post, $"/api/v1/notifications/{id}/resend", customer);
        await asCustomer.ExpectAsync(HttpStatusCode.Forbidden);
        using var unknown = await _client.CallAsync(HttpMethod.Post, $"/api/v1/notifications/{Guid.NewGuid()}/cancel", admin);
        await unknown.ExpectAsync(HttpStatusCode.NotFound);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteHistoryTests(NotificationsFactory factory) : HistoryTests<NotificationsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresHistoryTests(PostgresNotificationsFactory factory) : HistoryTests<PostgresNotificationsFactory>(factory);
