using System.Net;
using Mercato.Logs.Tests.Support;
using Mercato.Testing;

namespace Mercato.Logs.Tests.Audit;

/// <summary>
/// Administrators' changes that are not a plain tracked save reach the audit trail too: products
/// moved by a category's deletion (a bulk update), a template reset and a webhook endpoint's
/// deletion (its secret redacted).
/// </summary>
public abstract class BulkChangeAuditTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LogsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Products_moved_by_a_category_deletion_are_audited_with_both_categories_and_the_count()
    {
        var admin = await _client.AdminTokenAsync();
        var doomed = await _client.CreateCategoryAsync(admin);
        var target = await _client.CreateCategoryAsync(admin);
        await _client.CreateProductAsync(admin, 10.00m, categoryId: doomed);
        await _client.CreateProductAsync(admin, 12.00m, categoryId: doomed);

        using (var deleted = await _client.CallAsync(HttpMethod.Delete, $"/api/v1/categories/{doomed}?moveProductsTo={target}", admin))
        {
            await deleted.ExpectAsync(HttpStatusCode.NoContent);
        }

        var moved = Assert.Single(await _client.AuditEventuallyAsync(admin, $"?resourceType=category&resourceId={doomed}&action=catalog.category.products-moved"));
        Assert.Equal(Tokens.SubjectOf(admin), moved.GetProperty("actor").GetString());
        Assert.Equal(doomed, moved.GetProperty("before").GetProperty("categoryId").GetGuid());
        Assert.Equal(target, moved.GetProperty("after").GetProperty("categoryId").GetGuid());
        Assert.Equal(2, moved.GetProperty("after").GetProperty("products").GetInt32());
        Assert.Single(await _client.AuditEventuallyAsync(admin, $"?resourceType=category&resourceId={doomed}&action=catalog.category.deleted"));
    }

    [Fact]
    public async Task A_template_reset_is_audited_with_what_the_replacement_said()
    {
        var admin = await _client.AdminTokenAsync();
        var subject = "Shipped " + ShopApi.Unique();
        using (var saved = await _client.CallAsync(HttpMethod.Put, "/api/v1/notifications/templates/order-shipped", admin, new
        {
            language = "de",
            subject,
            text = "Ihre Bestellung ist unterwegs.",
            html = "<p>Ihre Bestellung ist unterwegs.</p>",
        }))
        {
            await saved.ExpectAsync(HttpStatusCode.OK);
        }

        using (var reset = await _client.CallAsync(HttpMethod.Delete, "/api/v1/notifications/templates/order-shipped?language=de", admin))
        {
            await reset.ExpectAsync(HttpStatusCode.OK);
        }

        var entries = await _client.AuditEventuallyAsync(admin, "?resourceType=template-override&action=notifications.template-override.deleted");
        var entry = Assert.Single(entries, e => e.GetProperty("before").GetProperty("subject").GetString() == subject);
        Assert.Equal(Tokens.SubjectOf(admin), entry.GetProperty("actor").GetString());
    }

    [Fact]
    public async Task A_webhook_endpoints_deletion_is_audited_with_its_secret_redacted()
    {
        var admin = await _client.AdminTokenAsync();
        string id;
        using (var created = await _client.CallAsync(HttpMethod.Post, "/api/v1/webhooks", admin, new { url = "https://93.184.216.34/hooks/" + ShopApi.Unique(), events = new[] { "order.created" } }))
        {
            await created.ExpectAsync(HttpStatusCode.Created);
            id = (await created.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetString()!;
        }

        using (var deleted = await _client.CallAsync(HttpMethod.Delete, $"/api/v1/webhooks/{id}", admin))
        {
            await deleted.ExpectAsync(HttpStatusCode.OK);
        }

        var entry = Assert.Single(await _client.AuditEventuallyAsync(admin, $"?resourceId={id}&action=webhooks.webhook-endpoint.deleted"));
        var before = entry.GetProperty("before");
        Assert.StartsWith("https://93.184.216.34/hooks/", before.GetProperty("url").GetString(), StringComparison.Ordinal);
        Assert.Equal("***", before.GetProperty("secret").GetString());
        Assert.Equal(Tokens.SubjectOf(admin), entry.GetProperty("actor").GetString());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteBulkChangeAuditTests(LogsFactory factory) : BulkChangeAuditTests<LogsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresBulkChangeAuditTests(PostgresLogsFactory factory) : BulkChangeAuditTests<PostgresLogsFactory>(factory);
