using System.Collections.Concurrent;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mercato.Testing;
using Mercato.Web.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace Mercato.Web.Tests.Admin.Operations;

/// <summary>
/// The rest of the operations side of the dashboard: webhook endpoints and deliveries, customers'
/// roles and locks, notifications and their templates, the support inbox, and who may open which page.
/// </summary>
[Collection(nameof(SharedOperationsShop))]
public sealed class DashboardOperationsTests(OperationsShop shop) : IDisposable
{
    private readonly MailServer _mail = new();

    [Fact]
    public async Task The_overview_counts_a_new_paid_order_in_todays_orders_revenue_and_waiting_to_ship()
    {
        var page = await shop.NewPageAsync();
        await OperationsSetup.SignInAsync(page, WebShop.AdminEmail, WebShop.AdminPassword);
        var before = await OverviewFiguresAsync(page);

        var order = await OperationsSetup.PaidOrderAsync(shop);

        var after = await OverviewFiguresAsync(page);
        Assert.Equal(before.OrdersToday + 1, after.OrdersToday);
        Assert.Equal(before.RevenueToday + order.Total, after.RevenueToday);
        Assert.Equal(before.WaitingToShip + 1, after.WaitingToShip);
        var waiting = page.GetByRole(AriaRole.Region, new() { Name = "Orders waiting to ship" });
        await Assertions.Expect(waiting.GetByRole(AriaRole.Link, new() { Name = order.Number })).ToBeVisibleAsync();
        await Assertions.Expect(waiting.GetByRole(AriaRole.Row).Filter(new() { HasText = order.Number })).ToContainTextAsync(order.Total.ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        Problems.AssertNone(page);
    }

    /// <summary>Opens the overview and reads its figures (orders today, paid revenue today, waiting to ship).</summary>
    private static async Task<(long OrdersToday, decimal RevenueToday, long WaitingToShip)> OverviewFiguresAsync(IPage page)
    {
        var response = await page.GotoAsync("/admin");
        Assert.Equal(200, response!.Status);
        async Task<string> Figure(string label) =>
            (await page.Locator(".stat").Filter(new() { HasText = label }).Locator("strong").InnerTextAsync()).Trim();
        return (
            long.Parse(await Figure("Orders today"), System.Globalization.CultureInfo.InvariantCulture),
            decimal.Parse(await Figure("Revenue today (paid)"), System.Globalization.CultureInfo.InvariantCulture),
            long.Parse(await Figure("Waiting to ship"), System.Globalization.CultureInfo.InvariantCulture));
    }

    [Fact]
    public async Task A_webhook_endpoint_created_on_the_page_shows_its_secret_once_and_its_test_event_is_delivered_and_replayed()
    {
        var received = new ConcurrentQueue<(string Event, string MessageId)>();
        var (receiver, url) = await LoopbackApp.StartAsync((app, _) => app.MapPost("/hook", (HttpContext http) =>
        {
            received.Enqueue((http.Request.Headers["X-Webhook-Event"].ToString(), http.Request.Headers["webhook-id"].ToString()));
            return Results.Ok();
        }));
        await using var _ = receiver;
        var admin = await shop.AdminTokenAsync();
        var page = await shop.NewPageAsync();
        await OperationsSetup.SignInAsync(page, WebShop.AdminEmail, WebShop.AdminPassword);
        await page.GotoAsync("/admin/webhooks");

        // A private address is refused by the API: its message beside the field, nothing stored.
        await page.GetByLabel("URL").FillAsync("https://10.1.2.3/hook");
        await page.GetByLabel("order.shipped").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-error").First).ToBeVisibleAsync();
        Assert.DoesNotContain("10.1.2.3", (await OperationsSetup.DataAsync(shop, admin, "/api/v1/webhooks?pageSize=100")).GetRawText(), StringComparison.Ordinal);

        await page.GetByLabel("URL").FillAsync(url + "/hook");
        await page.GetByLabel("Description").FillAsync("Warehouse");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add endpoint" }).ClickAsync();
        var secretBox = page.Locator(".ops-secret");
        await Assertions.Expect(secretBox).ToContainTextAsync("shown this once");
        var secret = (await page.Locator(".ops-secret-value").TextContentAsync())!.Trim();
        Assert.StartsWith("whsec_", secret, StringComparison.Ordinal);
        var endpoint = (await OperationsSetup.DataAsync(shop, admin, "/api/v1/webhooks?pageSize=100")).GetProperty("items").EnumerateArray()
            .Single(e => e.GetProperty("url").GetString() == url + "/hook");
        Assert.Equal(["order.shipped"], endpoint.GetProperty("events").EnumerateArray().Select(e => e.GetString()));

        // Shown once: the list, opened again, does not hold it.
        await page.GotoAsync("/admin/webhooks");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = url + "/hook" })).ToBeVisibleAsync();
        Assert.DoesNotContain(secret, await page.ContentAsync(), StringComparison.Ordinal);
        await Screenshots.SaveAsync(page, "admin-webhooks");

        await page.GetByRole(AriaRole.Link, new() { Name = url + "/hook" }).ClickAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Send a test event" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("test event is queued");
        await Eventually.HoldsAsync(() => Task.FromResult(received.Any(r => r.Event == "webhook.test")), "the test event at the receiver");
        var endpointId = endpoint.GetProperty("id").GetGuid();
        await MercatoProcess.EventuallyAsync(
            () => OperationsSetup.DataAsync(shop, admin, $"/api/v1/webhooks/{endpointId}/deliveries"),
            d => d.GetProperty("items").EnumerateArray().Any(i => i.GetProperty("status").GetString() == "succeeded"),
            TimeSpan.FromSeconds(30));
        await page.ReloadAsync();
        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "webhook.test" });
        await Assertions.Expect(row).ToContainTextAsync("succeeded");
        await Assertions.Expect(row).ToContainTextAsync("200");

        // The delivery with its attempt, replayed: the same message again.
        await row.GetByRole(AriaRole.Link).First.ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Delivery of webhook.test" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table)).ToContainTextAsync("200");
        await page.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("sent again");
        await Eventually.HoldsAsync(() => Task.FromResult(received.Count(r => r.Event == "webhook.test") >= 2), "the replayed delivery at the receiver");
        Assert.Single(received.Where(r => r.Event == "webhook.test").Select(r => r.MessageId).Distinct());
        await page.GotoAsync("/admin/webhooks/deliveries?event=webhook.test");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = "webhook.test" }).First).ToBeVisibleAsync();
        Problems.AssertNone(page);
    }

    [Fact]
    public async Task A_customer_is_found_given_roles_locked_and_unlocked_on_the_page()
    {
        var admin = await shop.AdminTokenAsync();
        var (userId, email, _) = await shop.Api.RegisterCustomerAsync("Ada", "Lovelace");
        var page = await shop.NewPageAsync();
        await OperationsSetup.SignInAsync(page, WebShop.AdminEmail, WebShop.AdminPassword);
        await page.GotoAsync("/admin/customers");
        await page.GetByLabel("Name or e-mail").FillAsync(email);
        await page.GetByRole(AriaRole.Search, new() { Name = "Search customers" }).GetByRole(AriaRole.Button, new() { Name = "Search" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Cell, new() { Name = email })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "admin-customers");
        await page.GetByRole(AriaRole.Link, new() { Name = "Ada Lovelace" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Ada Lovelace" })).ToBeVisibleAsync();

        // No role at all: the API's message, the roles unchanged.
        await page.GetByLabel("Customer", new() { Exact = true }).UncheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save roles" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync("at least one role");
        Assert.Equal(["Customer"], Roles(await UserAsync(admin, userId)));

        await page.GetByLabel("Customer", new() { Exact = true }).CheckAsync();
        await page.GetByLabel("Premium").CheckAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Save roles" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("roles are saved");
        Assert.Equal(["Customer", "Premium"], Roles(await UserAsync(admin, userId)));

        await page.GetByRole(AriaRole.Button, new() { Name = "Lock account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("account is locked");
        Assert.NotEqual(JsonValueKind.Null, (await UserAsync(admin, userId)).GetProperty("lockedUntil").ValueKind);
        using (var refused = await shop.Api.PostJsonAsync("/api/v1/auth/login", new { email, password = ApiCalls.CustomerPassword }))
        {
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
        }

        await page.GetByRole(AriaRole.Button, new() { Name = "Unlock account" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("account is unlocked");
        Assert.Equal(JsonValueKind.Null, (await UserAsync(admin, userId)).GetProperty("lockedUntil").ValueKind);
        Assert.False(string.IsNullOrEmpty(await shop.Api.SignInAsync(email, ApiCalls.CustomerPassword)));
        Problems.AssertNone(page);
    }

    [Fact]
    public async Task Notifications_are_listed_and_resent_and_a_template_is_previewed_and_test_sent()
    {
        var admin = await shop.AdminTokenAsync();
        var (_, email, _) = await shop.Api.RegisterCustomerAsync("Mary", "Somerville");
        var welcome = await MercatoProcess.EventuallyAsync(
            async () => (await OperationsSetup.DataAsync(shop, admin, "/api/v1/notifications/history?pageSize=100")).GetProperty("items").EnumerateArray()
                .FirstOrDefault(n => n.GetProperty("to").GetString() == email && n.GetProperty("template").GetString() == "welcome" && n.GetProperty("status").GetString() == "sent"),
            n => n.ValueKind == JsonValueKind.Object,
            TimeSpan.FromSeconds(30));
        var page = await shop.NewPageAsync();
        await OperationsSetup.SignInAsync(page, WebShop.AdminEmail, WebShop.AdminPassword);

        await page.GotoAsync("/admin/notifications?status=sent");
        await Assertions.Expect(page.GetByRole(AriaRole.Row).Filter(new() { HasText = email }).First).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "admin-notifications");
        await page.GotoAsync($"/admin/notifications/{welcome.GetProperty("id").GetGuid()}");
        await Assertions.Expect(page.GetByText("Mary", new() { Exact = false }).First).ToBeVisibleAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = "Resend" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("queued again");
        var copies = (await OperationsSetup.DataAsync(shop, admin, "/api/v1/notifications/history?pageSize=100")).GetProperty("items").EnumerateArray()
            .Where(n => n.GetProperty("to").GetString() == email && n.GetProperty("template").GetString() == "welcome").ToList();
        Assert.Equal(2, copies.Count);
        Assert.Contains(copies, c => c.GetProperty("resentFrom").ValueKind == JsonValueKind.String && c.GetProperty("resentFrom").GetGuid() == welcome.GetProperty("id").GetGuid());
        await _mail.WaitForAsync(email, count: 2);

        // Templates: preview a draft (rendered by the API), a broken draft shows the API's message, a test send arrives.
        await page.GotoAsync("/admin/notifications/templates");
        await Screenshots.SaveAsync(page, "admin-templates");
        await page.GetByRole(AriaRole.Link, new() { Name = "order-shipped (en)" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Template order-shipped (en)" })).ToBeVisibleAsync();
        await page.GetByLabel("Subject").FillAsync("Parcel {{ order.number }} has left");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator(".ops-preview-subject")).ToHaveTextAsync(new Regex("^Parcel .+ has left$"));
        Assert.True((await OperationsSetup.DataAsync(shop, admin, "/api/v1/notifications/templates/order-shipped?language=en")).GetProperty("isDefault").GetBoolean());

        await page.GetByLabel("Subject").FillAsync("Parcel {{ order.number ");
        await page.GetByRole(AriaRole.Button, new() { Name = "Preview" }).ClickAsync();
        await Assertions.Expect(page.Locator(".field-error").First).ToBeVisibleAsync();

        var to = $"ops.{Guid.NewGuid():N}@example.com";
        await page.GetByLabel("Send a test to").FillAsync(to);
        await page.GetByRole(AriaRole.Button, new() { Name = "Send test" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("test message is queued");
        await _mail.WaitForAsync(to);
        Problems.AssertNone(page);
    }

    [Fact]
    public async Task A_support_conversation_is_answered_from_the_inbox_with_an_internal_note_assigned_and_closed()
    {
        var admin = await shop.AdminTokenAsync();
        var adminId = (await OperationsSetup.DataAsync(shop, admin, "/api/v1/auth/me")).GetProperty("id").GetGuid();
        var (_, email, customer) = await shop.Api.RegisterCustomerAsync("Edith", "Clarke");
        var subject = "Lantern flickers " + ShopApi.Unique();
        using var opened = await shop.Api.CallAsync(HttpMethod.Post, "/api/v1/support/conversations", customer, new { subject, body = "It flickers when it rains." });
        await opened.ExpectAsync(HttpStatusCode.Created);
        var conversationId = (await WebShop.DataAsync(opened)).GetProperty("id").GetGuid();

        var page = await shop.NewPageAsync();
        await OperationsSetup.SignInAsync(page, WebShop.AdminEmail, WebShop.AdminPassword);
        await page.GotoAsync("/admin/support?status=open");
        await Screenshots.SaveAsync(page, "admin-support");
        await page.GetByRole(AriaRole.Link, new() { Name = subject }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = subject })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("It flickers when it rains.")).ToBeVisibleAsync();

        // An empty reply: the API's message, nothing stored.
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToBeVisibleAsync();
        Assert.Equal(1, (await ConversationAsync(admin, conversationId)).GetProperty("messageCount").GetInt32());

        await page.GetByLabel("Reply to the customer").FillAsync("Please check the seal on the lid.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Send reply" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("reply is sent");
        await page.GetByLabel("Internal note").FillAsync("Batch 42 had bad seals.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Add note" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("note is added");
        await Assertions.Expect(page.Locator(".ops-note")).ToContainTextAsync("Batch 42 had bad seals.");
        await page.GetByLabel("Assign to").SelectOptionAsync(new SelectOptionValue { Label = "Me" });
        await page.GetByRole(AriaRole.Button, new() { Name = "Assign" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("assignment is saved");
        await page.GetByLabel("Status").SelectOptionAsync("closed");
        await page.GetByRole(AriaRole.Button, new() { Name = "Change status" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("status is changed");
        Problems.AssertNone(page);

        var staffView = await ConversationAsync(admin, conversationId);
        Assert.Equal(("closed", adminId, 2, 1), (staffView.GetProperty("status").GetString(), staffView.GetProperty("assigneeId").GetGuid(),
            staffView.GetProperty("messageCount").GetInt32(), staffView.GetProperty("noteCount").GetInt32()));
        var seen = (await OperationsSetup.DataAsync(shop, customer, $"/api/v1/support/conversations/{conversationId}/messages")).GetProperty("items").EnumerateArray()
            .Select(m => m.GetProperty("body").GetString()).ToList();
        Assert.Equal(["It flickers when it rains.", "Please check the seal on the lid."], seen);
        var reply = await _mail.WaitForSubjectAsync(email, "Re: " + subject);
        Assert.Contains("Please check the seal on the lid.", reply.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Batch 42", reply.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_support_agent_sees_the_inbox_and_gets_the_403_page_on_every_other_dashboard_page()
    {
        var admin = await shop.AdminTokenAsync();
        var (agentId, email, _) = await shop.Api.RegisterCustomerAsync("Sam", "Agent");
        using (var roles = await shop.Api.CallAsync(HttpMethod.Put, $"/api/v1/users/{agentId}/roles", admin, new { roles = new[] { "Support" } }))
        {
            await roles.ExpectAsync(HttpStatusCode.OK);
        }

        var page = await shop.NewPageAsync();
        await OperationsSetup.SignInAsync(page, email, ApiCalls.CustomerPassword);
        var inbox = await page.GotoAsync("/admin/support");
        Assert.Equal(200, inbox!.Status);
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "Support inbox" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Navigation, new() { Name = "Dashboard" }).GetByRole(AriaRole.Link, new() { Name = "Orders" })).ToHaveCountAsync(0);
        foreach (var path in new[] { "/admin/orders", "/admin/payments", "/admin/customers", "/admin/notifications", "/admin/webhooks", "/admin/audit" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(403, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You may not open this page" })).ToBeVisibleAsync();
        }

        // The browser reports each 403 answer in its console; nothing else went wrong.
        Assert.All(Problems.Of(page), p => Assert.Contains("status of 403", p, StringComparison.Ordinal));
    }

    private Task<JsonElement> UserAsync(string admin, Guid id) => OperationsSetup.DataAsync(shop, admin, $"/api/v1/users/{id}");

    private Task<JsonElement> ConversationAsync(string admin, Guid id) => OperationsSetup.DataAsync(shop, admin, $"/api/v1/support/conversations/{id}");

    private static string[] Roles(JsonElement user) => [.. user.GetProperty("roles").EnumerateArray().Select(r => r.GetString()!).Order(StringComparer.Ordinal)];

    /// <inheritdoc />
    public void Dispose() => _mail.Dispose();
}
