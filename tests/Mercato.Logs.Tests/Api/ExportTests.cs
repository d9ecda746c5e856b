using System.Net;
using System.Text.Json;
using Mercato.Logs.Contracts;
using Mercato.Logs.Tests.Support;
using Mercato.Testing;

namespace Mercato.Logs.Tests.Api;

/// <summary>Exports of a time range as JSON lines: every line parses, and only the range is in it.</summary>
public abstract class ExportTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : LogsFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_log_export_streams_json_lines_of_the_range_only_oldest_first()
    {
        var admin = await _client.AdminTokenAsync();
        var service = "svc-" + ShopApi.Unique();
        // Ten days back, where nothing else was logged.
        var start = factory.Clock.GetUtcNow().AddDays(-10);
        var records = Enumerable.Range(0, 5).Select(i => Shipped.Record(service, "information", $"line {i}", start.AddMinutes(i))).ToArray();
        var shipper = await _client.ServiceTokenAsync(LogsFactory.ShipperClient);
        using (var shipped = await _client.CallAsync(HttpMethod.Post, "/api/v1/logs/ingest", shipper, new LogIngestRequest(records)))
        {
            await shipped.ExpectAsync(HttpStatusCode.OK);
        }

        using var response = await _client.CallAsync(HttpMethod.Get, $"/api/v1/logs/export?from={Trail.Q(start.AddMinutes(1))}&to={Trail.Q(start.AddMinutes(4))}", admin);
        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        Assert.Contains(".ndjson", response.Content.Headers.ContentDisposition?.FileName ?? string.Empty, StringComparison.Ordinal);
        var lines = await LinesAsync(response);
        Assert.Equal(["line 1", "line 2", "line 3"], lines.Select(l => l.GetProperty("message").GetString()));
        Assert.All(lines, l => Assert.Equal(service, l.GetProperty("service").GetString()));
    }

    [Fact]
    public async Task An_audit_export_streams_the_entries_of_the_range_only()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.CreateProductAsync(admin, 14.00m);
        await _client.AuditEventuallyAsync(admin, $"?resourceId={product}");
        var now = factory.Clock.GetUtcNow();

        using var response = await _client.CallAsync(HttpMethod.Get, $"/api/v1/audit/export?from={Trail.Q(now.AddMinutes(-1))}&to={Trail.Q(now.AddMinutes(1))}", admin);
        await response.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("application/x-ndjson", response.Content.Headers.ContentType?.MediaType);
        var lines = await LinesAsync(response);
        Assert.Contains(lines, l => l.GetProperty("resourceId").GetString() == product.ToString() && l.GetProperty("action").GetString() == "catalog.product.created");
        Assert.All(lines, l =>
        {
            var at = l.GetProperty("occurredAt").GetDateTimeOffset();
            Assert.InRange(at, now.AddMinutes(-1), now.AddMinutes(1));
        });

        using var later = await _client.CallAsync(HttpMethod.Get, $"/api/v1/audit/export?from={Trail.Q(now.AddHours(1))}&to={Trail.Q(now.AddHours(2))}", admin);
        await later.ExpectAsync(HttpStatusCode.OK);
        Assert.Empty(await LinesAsync(later));
    }

    private static async Task<List<JsonElement>> LinesAsync(HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(text.Length == 0 || text.EndsWith('\n'), "every line ends with a line feed");
        return [.. text.Split('\n', StringSplitOptions.RemoveEmptyEntries).Select(line => JsonDocument.Parse(line).RootElement.Clone())];
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteExportTests(LogsFactory factory) : ExportTests<LogsFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresExportTests(PostgresLogsFactory factory) : ExportTests<PostgresLogsFactory>(factory);
