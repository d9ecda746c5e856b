using System.Collections.Concurrent;
using System.Net;
using System.Text;
using System.Text.Json;
using Mercato.EndToEnd.Tests.Support;
using Mercato.Platform.Correlation;
using Mercato.Platform.Security;
using Mercato.Testing;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace Mercato.EndToEnd.Tests.Flow;

/// <summary>
/// What the shop's operators and staff do through the same public <c>/api/v1</c>: a webhook
/// endpoint receives a signed <c>product.created</c>; an administrator's price change is in the
/// audit trail and its request's logs (shipped by the Catalog service) are found by its correlation
/// id; a customer's support conversation is answered by staff, and the reply is mailed. In the
/// distributed deployment every one of those crosses a process: the gateway routes to Webhooks,
/// Logs and Support, the audit entries travel over RabbitMQ and the logs over HTTP.
/// </summary>
public abstract partial class ShopperFlowTests<TShop>
{
    [Fact]
    public Task Webhooks_the_audit_trail_central_logs_and_support_work_through_the_public_api() => shop.RunAsync(async () =>
    {
        var admin = await Api.SignInAsync(ShopDeployment.AdminEmail, ShopDeployment.AdminPassword);
        var received = new ConcurrentQueue<(string? Id, string? Timestamp, string? Signature, byte[] Body)>();
        var (receiver, receiverUrl) = await LoopbackApp.StartAsync((app, _) => app.MapPost("/hooks", async (HttpContext context) =>
        {
            using var body = new MemoryStream();
            await context.Request.Body.CopyToAsync(body);
            received.Enqueue((context.Request.Headers["webhook-id"], context.Request.Headers["webhook-timestamp"], context.Request.Headers["webhook-signature"], body.ToArray()));
            return Results.NoContent();
        }));
        await using var receiving = receiver;

        // A webhook endpoint for new products; its secret is shown this once.
        var hook = await Api.DataAsync(HttpMethod.Post, "/api/v1/webhooks", admin, new { url = receiverUrl + "/hooks", events = new[] { "product.created" } }, HttpStatusCode.Created);
        var secret = hook.GetProperty("secret").GetString()!;

        // The administrator adds a product under a correlation id of their own.
        var correlationId = "e2e-product-" + UniqueWord();
        var categoryId = await Api.CreateCategoryAsync(admin);
        var sku = "TIDE-" + UniqueWord();
        var (created, creating) = await Api.SendAsync(HttpMethod.Post, "/api/v1/products", admin, HttpStatusCode.Created, new
        {
            name = $"Tide clock {sku}",
            sku,
            description = "Shows high water",
            price = 20.00m,
            categoryId,
            stock = 5,
        }, new Dictionary<string, string> { [CorrelationContext.HeaderName] = correlationId });
        creating.Dispose();
        var productId = created.GetProperty("data").GetProperty("id").GetGuid();

        // The endpoint receives product.created, signed with its secret.
        var delivered = await ShopCalls.EventuallyAsync(
            () => Task.FromResult(received.FirstOrDefault(r => Encoding.UTF8.GetString(r.Body).Contains(productId.ToString(), StringComparison.Ordinal))),
            r => r.Body is not null);
        Assert.True(StandardWebhookSignature.Verify(secret, delivered.Id, delivered.Timestamp, delivered.Signature, delivered.Body, DateTimeOffset.UtcNow, TimeSpan.FromMinutes(5)));
        using (var payload = JsonDocument.Parse(delivered.Body))
        {
            Assert.Equal("product.created", payload.RootElement.GetProperty("event").GetString());
            Assert.Equal(productId, payload.RootElement.GetProperty("data").GetProperty("id").GetGuid());
        }

        // The creation is in the audit trail under the request's correlation id, and so is the
        // administrator's price change with its before and after.
        var creation = await ShopCalls.EventuallyAsync(
            () => Api.GetDataAsync($"/api/v1/audit?resourceId={productId}&action=catalog.product.created", admin),
            page => page.GetProperty("items").GetArrayLength() > 0);
        Assert.Equal(("admin", correlationId), (creation.GetProperty("items")[0].GetProperty("actorType").GetString(), creation.GetProperty("items")[0].GetProperty("correlationId").GetString()));
        await Api.DataAsync(HttpMethod.Patch, $"/api/v1/products/{productId}", admin, new { price = 25.00m });
        var audit = await ShopCalls.EventuallyAsync(
            () => Api.GetDataAsync($"/api/v1/audit?resourceType=product&resourceId={productId}&action=catalog.product.updated", admin),
            page => page.GetProperty("items").GetArrayLength() > 0);
        var entry = audit.GetProperty("items")[0];
        Assert.Equal((20.00m, 25.00m), (entry.GetProperty("before").GetProperty("price").GetDecimal(), entry.GetProperty("after").GetProperty("price").GetDecimal()));

        // The Webhooks service's log of the delivery reached the central logs with the same correlation id.
        var logs = await ShopCalls.EventuallyAsync(
            () => Api.GetDataAsync($"/api/v1/logs?correlationId={correlationId}&service=webhooks", admin),
            page => page.GetProperty("items").EnumerateArray().Any(l => l.GetProperty("message").GetString()!.Contains("succeeded", StringComparison.Ordinal)));
        Assert.All(logs.GetProperty("items").EnumerateArray(), l => Assert.Equal(correlationId, l.GetProperty("correlationId").GetString()));

        // A customer may read neither.
        var (_, customerEmail, unverified) = await Api.RegisterCustomerAsync("Mary", "Anning");
        var customer = await VerifyEmailAsync(customerEmail, unverified);
        (await Api.SendAsync(HttpMethod.Get, "/api/v1/audit", customer, HttpStatusCode.Forbidden)).Response.Dispose();
        (await Api.SendAsync(HttpMethod.Get, "/api/v1/logs", customer, HttpStatusCode.Forbidden)).Response.Dispose();

        // Support: the customer asks, staff answer, the conversation waits for the customer and the reply is mailed.
        var subject = "Where is my clock " + UniqueWord();
        var conversation = await Api.DataAsync(HttpMethod.Post, "/api/v1/support/conversations", customer, new { subject, body = "It has not arrived yet." }, HttpStatusCode.Created);
        var conversationId = conversation.GetProperty("id").GetGuid();
        await Api.DataAsync(HttpMethod.Post, $"/api/v1/support/conversations/{conversationId}/messages", admin, new { body = "It leaves the workshop today." }, HttpStatusCode.Created);
        await Api.DataAsync(HttpMethod.Post, $"/api/v1/support/conversations/{conversationId}/messages", admin, new { body = "Customer sounds worried.", @internal = true }, HttpStatusCode.Created);
        var seen = await Api.GetDataAsync($"/api/v1/support/conversations/{conversationId}", customer);
        Assert.Equal("pending", seen.GetProperty("status").GetString());
        var messages = await Api.GetDataAsync($"/api/v1/support/conversations/{conversationId}/messages", customer);
        Assert.Equal(2, messages.GetProperty("items").GetArrayLength());
        var reply = await _mail.WaitForSubjectAsync(customerEmail, "Re: " + subject);
        Assert.Contains("It leaves the workshop today.", reply.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("worried", reply.TextBody, StringComparison.Ordinal);
    });
}
