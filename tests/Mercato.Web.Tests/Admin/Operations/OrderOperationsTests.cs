using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;
using Mercato.Testing;
using Mercato.Web.Tests.Support;
using Microsoft.Playwright;

namespace Mercato.Web.Tests.Admin.Operations;

/// <summary>
/// The administrator's operations journey through the dashboard: a paid order is found, shipped with
/// its tracking number, refunded in part, its invoice downloaded and each step found in the audit;
/// the payments list shows it. Bad inputs show the API's (or the page's) message and change nothing.
/// </summary>
[Collection(nameof(SharedOperationsShop))]
public sealed class OrderOperationsTests(OperationsShop shop) : IDisposable
{
    private const string Tracking = "1Z999AA10123456784";

    private readonly MailServer _mail = new();

    [Fact]
    public async Task The_administrator_ships_refunds_and_invoices_a_paid_order_and_finds_each_step_in_the_audit()
    {
        var order = await OperationsSetup.PaidOrderAsync(shop);
        var admin = await shop.AdminTokenAsync();
        var page = await shop.NewPageAsync();
        await OperationsSetup.SignInAsync(page, WebShop.AdminEmail, WebShop.AdminPassword);

        // The list shows the paid order; its number opens it.
        await page.GotoAsync("/admin/orders?status=paid");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = order.Number })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "admin-orders");
        await page.GetByLabel("Order number").FillAsync(order.Number);
        await page.GetByRole(AriaRole.Button, new() { Name = "Filter" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Order {order.Number}", Level = 1 })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Storm lantern").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText(order.CustomerEmail).First).ToBeVisibleAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Start processing" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("being processed");

        // Shipping needs the tracking number: the page says so and nothing changes.
        await page.GetByLabel("Carrier").FillAsync("UPS");
        await page.GetByRole(AriaRole.Button, new() { Name = "Ship order" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Enter the tracking number to ship the order.")).ToBeVisibleAsync();
        Assert.Equal("processing", (await OrderAsync(admin, order.Id)).GetProperty("status").GetString());

        await page.GetByLabel("Carrier").FillAsync("UPS");
        await page.GetByLabel("Tracking number").FillAsync(Tracking);
        await page.GetByRole(AriaRole.Button, new() { Name = "Ship order" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("shipped");
        var shipped = await OrderAsync(admin, order.Id);
        Assert.Equal(("shipped", Tracking, "UPS"), (shipped.GetProperty("status").GetString(), shipped.GetProperty("trackingNumber").GetString(), shipped.GetProperty("carrier").GetString()));
        var mail = await _mail.WaitForSubjectAsync(order.CustomerEmail, $"Order {order.Number} is on its way");
        Assert.Contains(Tracking, mail.TextBody, StringComparison.Ordinal);

        // A refund above what was paid: the API's message, and no money moves.
        var refundAmount = page.GetByLabel(new Regex("^Amount to refund"));
        await refundAmount.FillAsync((order.Total + 1000m).ToString("0.00", System.Globalization.CultureInfo.InvariantCulture));
        await page.GetByLabel("Reason", new() { Exact = true }).FillAsync("Too much");
        await page.GetByRole(AriaRole.Button, new() { Name = "Refund" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert).First).ToContainTextAsync(new Regex("At most .* can be refunded now"));
        Assert.Equal(0m, (await PaymentAsync(admin, order.PaymentId)).GetProperty("refunded").GetDecimal());

        // A partial refund through the Payments API.
        await refundAmount.FillAsync("10.00");
        await page.GetByLabel("Reason", new() { Exact = true }).FillAsync("One lantern arrived scratched");
        await page.GetByRole(AriaRole.Button, new() { Name = "Refund" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("refund went through");
        var payment = await PaymentAsync(admin, order.PaymentId);
        Assert.Equal(("partially_refunded", 10.00m), (payment.GetProperty("status").GetString(), payment.GetProperty("refunded").GetDecimal()));
        var refund = Assert.Single(payment.GetProperty("refunds").EnumerateArray());
        Assert.Equal(("succeeded", "One lantern arrived scratched"), (refund.GetProperty("status").GetString(), refund.GetProperty("reason").GetString()));
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Refunds" })).ToContainTextAsync("One lantern arrived scratched");
        await Screenshots.SaveAsync(page, "admin-order");
        Problems.AssertNone(page);

        // The invoice, streamed from the API.
        var download = await page.RunAndWaitForDownloadAsync(() => page.GetByRole(AriaRole.Link, new() { Name = "Download invoice (PDF)" }).ClickAsync());
        var bytes = await File.ReadAllBytesAsync((await download.PathAsync())!);
        Assert.Equal("%PDF-"u8.ToArray(), bytes[..5]);
        Assert.Equal($"{order.Number}.pdf", download.SuggestedFilename);

        await FindInAuditAsync(page, admin, order, refund.GetProperty("refundId").GetGuid());

        // The payments list and the payment.
        await page.GotoAsync("/admin/payments?status=partially_refunded");
        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = order.Number })).ToBeVisibleAsync();
        await Screenshots.SaveAsync(page, "admin-payments");
        await page.GotoAsync($"/admin/payments/{order.PaymentId}");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = $"Payment for order {order.Number}" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("captured", new() { Exact = true })).ToBeVisibleAsync();
        Problems.AssertNone(page);
    }

    [Fact]
    public async Task An_administrator_who_is_not_signed_in_is_sent_to_sign_in_and_a_customer_gets_the_403_page()
    {
        var page = await shop.NewPageAsync();
        await page.GotoAsync("/admin/orders");
        await Assertions.Expect(page).ToHaveURLAsync(new Regex("/account/login\\?returnUrl=%2Fadmin%2Forders"));

        var (_, email, _) = await shop.Api.RegisterCustomerAsync("Alan", "Turing");
        await OperationsSetup.SignInAsync(page, email, ApiCalls.CustomerPassword);
        foreach (var path in new[] { "/admin/orders", "/admin/payments", "/admin/support", "/web/admin/orders/" + Guid.NewGuid() + "/invoice" })
        {
            var response = await page.GotoAsync(path);
            Assert.Equal(403, response!.Status);
            await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Name = "You may not open this page" })).ToBeVisibleAsync();
        }

        // The browser reports each 403 answer in its console; nothing else went wrong.
        Assert.All(Problems.Of(page), p => Assert.Contains("status of 403", p, StringComparison.Ordinal));
    }

    /// <summary>
    /// The shipment is found by the order's id (the order's page links to that search), and the
    /// refund, audited by Payments, by its correlation id: the request's view holds Payments' entries
    /// and Ordering's history note for the refund.
    /// </summary>
    private async Task FindInAuditAsync(IPage page, string admin, PaidOrder order, Guid refundId)
    {
        // The tracking number is kept on the order's status change; the order's own row changed in the same request.
        var shipChange = await MercatoProcess.EventuallyAsync(
            async () => Items(await OperationsSetup.DataAsync(shop, admin, "/api/v1/audit?resourceType=order-status-change&pageSize=100"))
                .FirstOrDefault(e => e.GetProperty("after").ValueKind == JsonValueKind.Object && e.GetProperty("after").GetRawText().Contains(Tracking, StringComparison.Ordinal)),
            e => e.ValueKind == JsonValueKind.Object,
            TimeSpan.FromSeconds(30));
        var shipCorrelation = shipChange.GetProperty("correlationId").GetString()!;
        var refundEntry = await MercatoProcess.EventuallyAsync(
            // The administrator's request, not the dispatcher's round that may send the refund (a service entry).
            async () => Items(await OperationsSetup.DataAsync(shop, admin, $"/api/v1/audit?resourceId={refundId}&pageSize=100"))
                .FirstOrDefault(e => e.GetProperty("actorType").GetString() == "admin"),
            e => e.ValueKind == JsonValueKind.Object,
            TimeSpan.FromSeconds(30));

        await page.GotoAsync($"/admin/orders/{order.Id}");
        await page.GetByRole(AriaRole.Link, new() { Name = "Search the audit log for this order" }).ClickAsync();
        await Assertions.Expect(page.GetByLabel("Resource id")).ToHaveValueAsync(order.Id.ToString());
        var shipRow = page.GetByRole(AriaRole.Row).Filter(new() { HasText = "ordering.order.updated" }).Filter(new() { HasText = shipCorrelation });
        await Assertions.Expect(shipRow.First).ToBeVisibleAsync();
        await shipRow.First.GetByRole(AriaRole.Link, new() { Name = shipCorrelation }).ClickAsync();
        var request = page.Locator("section.ops-correlation");
        await Assertions.Expect(request.GetByRole(AriaRole.Heading, new() { Name = $"Request {shipCorrelation}" })).ToBeVisibleAsync();
        await Assertions.Expect(request).ToContainTextAsync(Tracking);
        await Screenshots.SaveAsync(page, "admin-audit");

        var correlation = refundEntry.GetProperty("correlationId").GetString()!;
        await page.GetByLabel("Correlation id").FillAsync(correlation);
        await page.GetByRole(AriaRole.Button, new() { Name = "Show the request" }).ClickAsync();
        await Assertions.Expect(request.GetByRole(AriaRole.Heading, new() { Name = $"Request {correlation}" })).ToBeVisibleAsync();
        await Assertions.Expect(request.GetByRole(AriaRole.Link, new() { Name = refundId.ToString() }).First).ToBeVisibleAsync();
        await Assertions.Expect(request).ToContainTextAsync(refundEntry.GetProperty("action").GetString()!);
        Problems.AssertNone(page);
    }

    private Task<JsonElement> OrderAsync(string admin, Guid id) => OperationsSetup.DataAsync(shop, admin, $"/api/v1/orders/{id}");

    private Task<JsonElement> PaymentAsync(string admin, Guid id) => OperationsSetup.DataAsync(shop, admin, $"/api/v1/payments/{id}");

    private static JsonElement[] Items(JsonElement page) => [.. page.GetProperty("items").EnumerateArray()];

    /// <inheritdoc />
    public void Dispose() => _mail.Dispose();
}
