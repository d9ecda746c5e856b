using System.Net;
using Mercato.Logs.Contracts;
using Mercato.Logs.Tests.Support;
using Mercato.Testing;

namespace Mercato.Logs.Tests.Api;

/// <summary>
/// The administrators' query API and the ingestion endpoint: filters and paging of
/// <c>GET /api/v1/logs</c> and <c>GET /api/v1/audit</c>, their bad input (400 VALIDATION_ERROR in
/// the envelope) and authorisation (anonymous 401, customer 403, a service token without
/// <c>logs.write</c> 403), and a batch shipped twice stored once.
/// </summary>
public abstract class QueryApiTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LogsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Theory]
    [MemberData(nameof(AdminPaths.Reads), MemberType = typeof(AdminPaths))]
    public async Task Only_administrators_read_anonymous_gets_401_and_a_customer_403(string path)
    {
        using var anonymous = await _client.CallAsync(HttpMethod.Get, path);
        await anonymous.ExpectErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        var (_, _, customer) = await _client.RegisterCustomerAsync();
        using var asCustomer = await _client.CallAsync(HttpMethod.Get, path, customer);
        await asCustomer.ExpectErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
    }

    [Fact]
    public async Task Shipped_records_are_found_by_service_minimum_level_text_correlation_trace_and_time_newest_first()
    {
        var admin = await _client.AdminTokenAsync();
        var service = "svc-" + ShopApi.Unique();
        var at = factory.Clock.GetUtcNow();
        var trace = "4bf92f3577b34da6a3ce929d0e0e4736";
        var batch = new[]
        {
            Shipped.Record(service, "debug", "cache warmed", at.AddMinutes(-4)),
            Shipped.Record(service, "information", "order accepted", at.AddMinutes(-3), "req-" + service, trace),
            Shipped.Record(service, "warning", "Payment gateway slow", at.AddMinutes(-2), "req-" + service),
            Shipped.Record(service, "error", "payment GATEWAY down", at.AddMinutes(-1)),
        };
        await ShipAsync(batch);

        var all = await _client.LogsAsync(admin, $"?service={service}");
        Assert.Equal(["payment GATEWAY down", "Payment gateway slow", "order accepted", "cache warmed"], all.Select(l => l.GetProperty("message").GetString()));
        var first = all[0];
        Assert.Equal(("error", 7, "TestEvent", "Mercato.Tests.Shipper"), (first.GetProperty("level").GetString(), first.GetProperty("eventId").GetInt32(), first.GetProperty("eventName").GetString(), first.GetProperty("category").GetString()));
        Assert.Equal("payment GATEWAY down", first.GetProperty("properties").GetProperty("Text").GetString());

        Assert.Equal(2, (await _client.LogsAsync(admin, $"?service={service}&level=warning")).Length);
        Assert.Equal(2, (await _client.LogsAsync(admin, $"?service={service}&q=gateway")).Length);
        Assert.Equal(2, (await _client.LogsAsync(admin, $"?correlationId=req-{service}")).Length);
        Assert.Equal("order accepted", Assert.Single(await _client.LogsAsync(admin, $"?service={service}&traceId={trace}")).GetProperty("message").GetString());
        var range = await _client.LogsAsync(admin, $"?service={service}&from={Trail.Q(at.AddMinutes(-3))}&to={Trail.Q(at.AddMinutes(-1))}");
        Assert.Equal(["Payment gateway slow", "order accepted"], range.Select(l => l.GetProperty("message").GetString()));

        var page = await _client.GetDataAsync($"/api/v1/logs?service={service}&pageSize=3&pageNumber=2", admin);
        Assert.Equal((2, 3, 4, 2), (page.GetProperty("pageNumber").GetInt32(), page.GetProperty("pageSize").GetInt32(), page.GetProperty("totalCount").GetInt32(), page.GetProperty("totalPages").GetInt32()));
        Assert.Equal("cache warmed", Assert.Single(page.GetProperty("items").EnumerateArray()).GetProperty("message").GetString());
        Assert.True(page.GetProperty("hasPreviousPage").GetBoolean());

        var one = await _client.GetDataAsync($"/api/v1/logs/{first.GetProperty("id").GetGuid()}", admin);
        Assert.Equal("payment GATEWAY down", one.GetProperty("message").GetString());

        // The same batch again (a retry after a lost answer) is stored once.
        await ShipAsync(batch);
        Assert.Equal(4, (await _client.GetDataAsync($"/api/v1/logs?service={service}", admin)).GetProperty("totalCount").GetInt32());
    }

    [Fact]
    public async Task Audit_entries_are_found_by_actor_resource_action_and_time()
    {
        var admin = await _client.AdminTokenAsync();
        var adminId = Tokens.SubjectOf(admin);
        var first = await _client.CreateProductAsync(admin, 10.00m);
        var second = await _client.CreateProductAsync(admin, 11.00m);
        await _client.AuditEventuallyAsync(admin, $"?resourceId={second}");

        var byResource = Assert.Single(await _client.AuditAsync(admin, $"?resourceType=product&resourceId={first}"));
        Assert.Equal(("catalog.product.created", adminId), (byResource.GetProperty("action").GetString(), byResource.GetProperty("actor").GetString()));
        var mine = await _client.AuditAsync(admin, $"?actor={adminId}&action=catalog.product.created&pageSize=100");
        Assert.Contains(mine, e => e.GetProperty("resourceId").GetString() == first.ToString());
        Assert.Contains(mine, e => e.GetProperty("resourceId").GetString() == second.ToString());
        Assert.All(mine, e => Assert.Equal(adminId, e.GetProperty("actor").GetString()));
        // Newest first.
        Assert.True(mine.ToList().FindIndex(e => e.GetProperty("resourceId").GetString() == second.ToString())
            < mine.ToList().FindIndex(e => e.GetProperty("resourceId").GetString() == first.ToString()));

        var now = factory.Clock.GetUtcNow();
        Assert.Single(await _client.AuditAsync(admin, $"?resourceId={first}&from={Trail.Q(now.AddMinutes(-5))}&to={Trail.Q(now.AddMinutes(5))}"));
        Assert.Empty(await _client.AuditAsync(admin, $"?resourceId={first}&from={Trail.Q(now.AddHours(1))}"));
        Assert.Empty(await _client.AuditAsync(admin, $"?resourceId={first}&action=catalog.product.deleted"));
        Assert.Empty(await _client.AuditAsync(admin, $"?resourceId={first}&actor=service:catalog"));
    }

    [Theory]
    [InlineData("/api/v1/logs?level=verbose", "level")]
    [InlineData("/api/v1/logs?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from")]
    [InlineData("/api/v1/logs?pageNumber=0", "pageNumber")]
    [InlineData("/api/v1/logs?pageSize=101", "pageSize")]
    [InlineData("/api/v1/logs?traceId=not-a-trace", "traceId")]
    [InlineData("/api/v1/logs?correlationId=bad%20id", "correlationId")]
    [InlineData("/api/v1/audit?from=2026-02-01T00:00:00Z&to=2026-01-01T00:00:00Z", "from")]
    [InlineData("/api/v1/audit?pageNumber=100001", "pageNumber")]
    [InlineData("/api/v1/logs/export?to=2026-01-01T00:00:00Z", "from")]
    [InlineData("/api/v1/audit/export?from=2026-01-01T00:00:00Z", "to")]
    [InlineData("/api/v1/logs/correlations/bad%20id", "correlationId")]
    public async Task Bad_queries_answer_400_validation_error_naming_the_field(string path, string field)
    {
        var admin = await _client.AdminTokenAsync();
        using var response = await _client.CallAsync(HttpMethod.Get, path, admin);
        await response.ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields());
    }

    [Theory]
    [InlineData("/api/v1/logs?from=yesterday")]
    [InlineData("/api/v1/audit?to=2026-13-45")]
    [InlineData("/api/v1/logs?pageSize=many")]
    public async Task Unparsable_values_answer_400_in_the_envelope(string path)
    {
        var admin = await _client.AdminTokenAsync();
        using var response = await _client.CallAsync(HttpMethod.Get, path, admin);
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        await response.ReadErrorAsync();
    }

    [Fact]
    public async Task An_unknown_correlation_id_or_record_is_404()
    {
        var admin = await _client.AdminTokenAsync();
        using var correlation = await _client.CallAsync(HttpMethod.Get, "/api/v1/logs/correlations/never-seen-" + ShopApi.Unique(), admin);
        await correlation.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        using var log = await _client.CallAsync(HttpMethod.Get, $"/api/v1/logs/{Guid.NewGuid()}", admin);
        await log.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        using var entry = await _client.CallAsync(HttpMethod.Get, $"/api/v1/audit/{Guid.NewGuid()}", admin);
        await entry.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Ingestion_needs_a_service_token_with_logs_write_and_a_valid_batch()
    {
        var service = "svc-" + ShopApi.Unique();
        var body = new LogIngestRequest([Shipped.Record(service, "information", "hello", factory.Clock.GetUtcNow())]);
        using (var anonymous = await _client.CallAsync(HttpMethod.Post, "/api/v1/logs/ingest", null, body))
        {
            await anonymous.ExpectErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
        }

        foreach (var token in new[] { await _client.AdminTokenAsync(), await _client.ServiceTokenAsync(LogsFactory.ReportsClient) })
        {
            using var refused = await _client.CallAsync(HttpMethod.Post, "/api/v1/logs/ingest", token, body);
            await refused.ExpectErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }

        var shipper = await _client.ServiceTokenAsync(LogsFactory.ShipperClient);
        using (var empty = await _client.CallAsync(HttpMethod.Post, "/api/v1/logs/ingest", shipper, new { records = Array.Empty<object>() }))
        {
            await empty.ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        }

        using (var loud = await _client.CallAsync(HttpMethod.Post, "/api/v1/logs/ingest", shipper, new LogIngestRequest([Shipped.Record(service, "loud", "hello", factory.Clock.GetUtcNow())])))
        {
            await loud.ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        }

        var admin = await _client.AdminTokenAsync();
        Assert.Empty(await _client.LogsAsync(admin, $"?service={service}"));
        using var accepted = await _client.CallAsync(HttpMethod.Post, "/api/v1/logs/ingest", shipper, body);
        await accepted.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(1, (await accepted.ReadJsonAsync()).GetProperty("data").GetProperty("received").GetInt32());
        Assert.Single(await _client.LogsAsync(admin, $"?service={service}"));
    }

    private async Task ShipAsync(IReadOnlyList<ShippedLog> records)
    {
        var shipper = await _client.ServiceTokenAsync(LogsFactory.ShipperClient);
        using var response = await _client.CallAsync(HttpMethod.Post, "/api/v1/logs/ingest", shipper, new LogIngestRequest(records));
        await response.ExpectAsync(HttpStatusCode.OK);
    }
}

/// <summary>The administrators' reads of the Logs module.</summary>
public static class AdminPaths
{
    /// <summary>Every read, with a valid query.</summary>
    public static TheoryData<string> Reads => new()
    {
        "/api/v1/logs",
        "/api/v1/audit",
        "/api/v1/logs/correlations/some-request",
        $"/api/v1/logs/{Guid.NewGuid()}",
        $"/api/v1/audit/{Guid.NewGuid()}",
        "/api/v1/logs/export?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z",
        "/api/v1/audit/export?from=2026-01-01T00:00:00Z&to=2026-01-02T00:00:00Z",
    };
}

/// <summary>On SQLite.</summary>
public sealed class SqliteQueryApiTests(LogsFactory factory) : QueryApiTests<LogsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresQueryApiTests(PostgresLogsFactory factory) : QueryApiTests<PostgresLogsFactory>(factory);
