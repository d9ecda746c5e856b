using System.Net;
using System.Text.Json;
using Mercato.Logs.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Logs.Tests.Audit;

/// <summary>
/// The audit trail through HTTP: an administrator's change, a service's (an event handler's, the
/// start-up's) change, payments and refunds are audited with actor, before / after of the changed
/// fields (secrets redacted), client address, correlation id and trace id; a customer's own change
/// is not; no API changes or deletes an entry, and the database refuses an update.
/// </summary>
public abstract class AuditTrailTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LogsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task An_administrators_price_change_is_audited_with_actor_changed_fields_address_and_correlation_id()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.CreateProductAsync(admin, 25.00m, name: "Audited Lamp " + ShopApi.Unique());
        var correlationId = "audit-" + ShopApi.Unique();

        // The client's address arrives as a trusted proxy forwards it (the in-memory server has no socket).
        using (var changed = await _client.CallAsync(HttpMethod.Patch, $"/api/v1/products/{product}", admin, new { price = 30.00m }, new Dictionary<string, string>
        {
            [Mercato.Platform.Correlation.CorrelationContext.HeaderName] = correlationId,
            ["X-Forwarded-For"] = "198.51.100.23",
        }))
        {
            await changed.ExpectAsync(HttpStatusCode.OK);
        }

        var entries = await _client.AuditEventuallyAsync(admin, $"?resourceType=product&resourceId={product}&action=catalog.product.updated");
        var entry = Assert.Single(entries);
        Assert.Equal(Tokens.SubjectOf(admin), entry.GetProperty("actor").GetString());
        Assert.Equal("admin", entry.GetProperty("actorType").GetString());
        Assert.Equal("catalog", entry.GetProperty("module").GetString());
        Assert.Equal("succeeded", entry.GetProperty("outcome").GetString());
        Assert.Equal("198.51.100.23", entry.GetProperty("clientIp").GetString());
        Assert.Equal(correlationId, entry.GetProperty("correlationId").GetString());
        Assert.Matches("^[0-9a-f]{32}$", entry.GetProperty("traceId").GetString());
        Assert.EndsWith("Z", entry.GetProperty("occurredAt").GetString(), StringComparison.Ordinal);
        Assert.Equal(25.00m, entry.GetProperty("before").GetProperty("price").GetDecimal());
        Assert.Equal(30.00m, entry.GetProperty("after").GetProperty("price").GetDecimal());
        // Only what changed: the name stayed, so neither side holds it.
        Assert.False(entry.GetProperty("before").TryGetProperty("name", out _));
        Assert.False(entry.GetProperty("after").TryGetProperty("name", out _));

        // The creation is there too, by the same administrator, with every field set.
        var created = Assert.Single(await _client.AuditAsync(admin, $"?resourceId={product}&action=catalog.product.created"));
        Assert.Equal(JsonValueKind.Null, created.GetProperty("before").ValueKind);
        Assert.StartsWith("Audited Lamp", created.GetProperty("after").GetProperty("name").GetString(), StringComparison.Ordinal);

        // One entry, read by its id.
        var one = await _client.GetDataAsync($"/api/v1/audit/{entry.GetProperty("id").GetGuid()}", admin);
        Assert.Equal(correlationId, one.GetProperty("correlationId").GetString());
    }

    [Fact]
    public async Task A_customers_own_change_is_not_audited()
    {
        var admin = await _client.AdminTokenAsync();
        var (userId, _, token) = await _client.RegisterCustomerAsync();
        using (var changed = await _client.CallAsync(HttpMethod.Put, "/api/v1/users/profile", token, new { firstName = "Renamed", lastName = "Customer" }))
        {
            await changed.ExpectAsync(HttpStatusCode.OK);
        }

        // An administrator's change of the same account afterwards (same module, same outbox, in
        // order) arrives; the customer's own change before it never does.
        using (var roles = await _client.CallAsync(HttpMethod.Put, $"/api/v1/users/{userId}/roles", admin, new { roles = new[] { "Customer", "Premium" } }))
        {
            await roles.ExpectAsync(HttpStatusCode.OK);
        }

        var adminId = Tokens.SubjectOf(admin);
        await Eventually.HoldsAsync(
            async () => (await _client.AuditAsync(admin, $"?actor={adminId}&pageSize=100")).Any(e => e.GetProperty("resourceId").GetString()!.StartsWith(userId.ToString(), StringComparison.Ordinal)),
            "the administrator's change of the account");
        Assert.Empty(await _client.AuditAsync(admin, $"?actor={userId}"));
        Assert.All(await _client.AuditAsync(admin, $"?resourceType=user&resourceId={userId}"), e => Assert.Equal(adminId, e.GetProperty("actor").GetString()));
    }

    [Fact]
    public async Task The_start_ups_own_work_is_audited_as_the_module_and_secrets_are_redacted()
    {
        var admin = await _client.AdminTokenAsync();
        var adminId = Tokens.SubjectOf(admin);
        var created = (await _client.AuditEventuallyAsync(admin, $"?resourceType=user&resourceId={adminId}&action=identity.user.created")).Single();
        Assert.Equal(("service:identity", "service"), (created.GetProperty("actor").GetString(), created.GetProperty("actorType").GetString()));
        var after = created.GetProperty("after");
        Assert.Equal(LogsFactory.AdminEmail, after.GetProperty("email").GetString());
        Assert.Equal("***", after.GetProperty("passwordHash").GetString());
        Assert.Equal("***", after.GetProperty("securityStamp").GetString());
        Assert.DoesNotContain("AQAAAA", created.ToString(), StringComparison.Ordinal);
        Assert.Equal(JsonValueKind.Null, created.GetProperty("clientIp").ValueKind);
    }

    [Fact]
    public async Task No_api_changes_or_deletes_an_entry_and_the_database_refuses_an_update()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.CreateProductAsync(admin, 9.00m);
        var entry = (await _client.AuditEventuallyAsync(admin, $"?resourceId={product}")).First();
        var id = entry.GetProperty("id").GetGuid();

        foreach (var method in new[] { HttpMethod.Put, HttpMethod.Patch, HttpMethod.Delete })
        {
            using var response = await _client.CallAsync(method, $"/api/v1/audit/{id}", admin, new { actor = "someone-else" });
            await response.ExpectErrorAsync(HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
        }

        using (var post = await _client.CallAsync(HttpMethod.Post, "/api/v1/audit", admin, new { actor = "forged" }))
        {
            await post.ExpectErrorAsync(HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
        }

        using (var delete = await _client.CallAsync(HttpMethod.Delete, "/api/v1/audit", admin))
        {
            await delete.ExpectErrorAsync(HttpStatusCode.MethodNotAllowed, "METHOD_NOT_ALLOWED");
        }

        // Below the API, too: the database refuses to change an entry.
        await Assert.ThrowsAnyAsync<Exception>(() => factory.WithDbAsync(db =>
            db.Audit.Where(a => a.Id == id).ExecuteUpdateAsync(s => s.SetProperty(a => a.Actor, "forged"))));
        var unchanged = await _client.GetDataAsync($"/api/v1/audit/{id}", admin);
        Assert.Equal(entry.GetProperty("actor").GetString(), unchanged.GetProperty("actor").GetString());
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteAuditTrailTests(LogsFactory factory) : AuditTrailTests<LogsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresAuditTrailTests(PostgresLogsFactory factory) : AuditTrailTests<PostgresLogsFactory>(factory);
