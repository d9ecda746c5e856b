using System.Net;
using System.Text.Json;
using Mercato.Messaging.Outbox;
using Mercato.Messaging.Tests.Support;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Messaging.Tests.Operations;

/// <summary>
/// <c>/api/v1/operations/{module}/outbox/parked</c>: an administrator lists a module's parked
/// outbox rows, replays one (attempts reset, the relay publishes it) or all, and discards one
/// (deleted, with an audit entry in the module's outbox); bad paging answers 400, bad or unknown ids 404.
/// </summary>
/// <typeparam name="THost">The host on SQLite or PostgreSQL.</typeparam>
public abstract class ParkedOutboxOperationsTests<THost>(THost host) : IClassFixture<THost>
    where THost : OperationsHost
{
    private static readonly string Parked = OperationsHost.PathOf("probe", "/outbox/parked");

    [Fact]
    public async Task Parked_rows_are_listed_replayed_and_discarded()
    {
        var replayed = await host.AddParkedRowAsync();
        var discarded = await host.AddParkedRowAsync();

        var page = await DataAsync(await host.Admin.GetAsync(new Uri(Parked + "?pageSize=100", UriKind.Relative)));
        var rows = page.GetProperty("items").EnumerateArray().ToList();
        var row = Assert.Single(rows, r => r.GetProperty("id").GetGuid() == replayed);
        Assert.Equal(10, row.GetProperty("attempts").GetInt32());
        Assert.Equal("probe.operations-test.v1", row.GetProperty("type").GetString());
        Assert.StartsWith("TimeoutException", row.GetProperty("lastError").GetString(), StringComparison.Ordinal);
        Assert.Contains(rows, r => r.GetProperty("id").GetGuid() == discarded);
        Assert.True(page.GetProperty("totalCount").GetInt64() >= 2);

        var onePerPage = await DataAsync(await host.Admin.GetAsync(new Uri(Parked + "?pageSize=1", UriKind.Relative)));
        Assert.Equal(1, onePerPage.GetProperty("items").GetArrayLength());
        Assert.Equal(onePerPage.GetProperty("totalCount").GetInt64(), onePerPage.GetProperty("totalPages").GetInt64());

        // Replay one: un-parked with its attempts reset, and the woken relay publishes it.
        var replay = await DataAsync(await host.Admin.PostAsync(new Uri($"{Parked}/{replayed}/replay", UriKind.Relative), null));
        Assert.Equal(1, replay.GetProperty("count").GetInt32());
        var published = await MercatoProcess.EventuallyAsync(
            () => host.WithProbeDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == replayed)),
            m => m.ProcessedAt is not null,
            EventFlow.Patience);
        Assert.Null(published.ParkedAt);
        Assert.Equal(0, published.Attempts);
        using (var again = await host.Admin.PostAsync(new Uri($"{Parked}/{replayed}/replay", UriKind.Relative), null))
        {
            await again.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        }


        // Discard one: gone, and audited in the module's outbox.
        using (var response = await host.Admin.DeleteAsync(new Uri($"{Parked}/{discarded}", UriKind.Relative)))
        {
            Assert.Equal(1, (await DataAsync(response)).GetProperty("count").GetInt32());
        }

        Assert.False(await host.WithProbeDbAsync(db => db.Set<OutboxMessage>().AnyAsync(m => m.Id == discarded)));
        var audits = await host.WithProbeDbAsync(db => db.Set<OutboxMessage>().AsNoTracking()
            .Where(m => m.Type == "platform.audit-recorded.v1").ToListAsync());
        Assert.Contains(audits, a => a.Payload.Contains(discarded.ToString(), StringComparison.Ordinal)
            && a.Payload.Contains("probe.outbox-message.discarded", StringComparison.Ordinal));
        using (var again = await host.Admin.DeleteAsync(new Uri($"{Parked}/{discarded}", UriKind.Relative)))
        {
            await again.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        }


        var after = await DataAsync(await host.Admin.GetAsync(new Uri(Parked + "?pageSize=100", UriKind.Relative)));
        Assert.DoesNotContain(after.GetProperty("items").EnumerateArray(), r => r.GetProperty("id").GetGuid() is var id && (id == replayed || id == discarded));
    }

    [Fact]
    public async Task Replay_all_unparks_every_parked_row()
    {
        var first = await host.AddParkedRowAsync();
        var second = await host.AddParkedRowAsync();

        var replay = await DataAsync(await host.Admin.PostAsync(new Uri($"{Parked}/replay", UriKind.Relative), null));

        Assert.True(replay.GetProperty("count").GetInt32() >= 2);
        foreach (var id in new[] { first, second })
        {
            await MercatoProcess.EventuallyAsync(
                () => host.WithProbeDbAsync(db => db.Set<OutboxMessage>().AsNoTracking().SingleAsync(m => m.Id == id)),
                m => m.ProcessedAt is not null && m.ParkedAt is null,
                EventFlow.Patience);
        }
    }

    [Fact]
    public async Task Bad_pages_answer_400_and_bad_or_unknown_ids_404()
    {
        // An id that is not a GUID matches no route, as everywhere in the API.
        using var badReplay = await host.Admin.PostAsync(new Uri($"{Parked}/not-an-id/replay", UriKind.Relative), null);
        await badReplay.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        using var badDiscard = await host.Admin.DeleteAsync(new Uri($"{Parked}/42", UriKind.Relative));
        await badDiscard.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        using var badPage = await host.Admin.GetAsync(new Uri(Parked + "?pageSize=1000", UriKind.Relative));
        await badPage.ExpectErrorAsync(HttpStatusCode.BadRequest, "VALIDATION_ERROR");
        using var unknown = await host.Admin.DeleteAsync(new Uri($"{Parked}/{Guid.NewGuid()}", UriKind.Relative));
        await unknown.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");

        // Audit consumes but publishes nothing: it has no outbox.
        using var noOutbox = await host.Admin.GetAsync(new Uri(OperationsHost.PathOf("audit", "/outbox/parked"), UriKind.Relative));
        await noOutbox.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
    }

    [Fact]
    public async Task Only_administrators_and_the_operations_scope_may_call()
    {
        var id = await host.AddParkedRowAsync();
        using var customer = host.ClientWith(host.Issuer.UserToken(Guid.NewGuid().ToString(), "Customer"));
        using var otherService = host.ClientWith(host.Issuer.ServiceToken("reports", "ordering.read"));
        using var operations = host.ClientWith(host.Issuer.ServiceToken("runbook", "operations.messaging"));

        foreach (var (method, path) in new[]
        {
            (HttpMethod.Get, Parked),
            (HttpMethod.Post, $"{Parked}/replay"),
            (HttpMethod.Post, $"{Parked}/{id}/replay"),
            (HttpMethod.Delete, $"{Parked}/{id}"),
            (HttpMethod.Get, OperationsHost.PathOf("audit", "/dead-letters")),
            (HttpMethod.Post, OperationsHost.PathOf("audit", "/dead-letters/replay")),
            (HttpMethod.Delete, OperationsHost.PathOf("audit", $"/dead-letters/{Guid.NewGuid()}")),
        })
        {
            using var anonymous = await host.Anonymous.SendAsync(new HttpRequestMessage(method, path));
            await anonymous.ExpectErrorAsync(HttpStatusCode.Unauthorized, "UNAUTHORIZED");
            using var forbidden = await customer.SendAsync(new HttpRequestMessage(method, path));
            await forbidden.ExpectErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
            using var wrongScope = await otherService.SendAsync(new HttpRequestMessage(method, path));
            await wrongScope.ExpectErrorAsync(HttpStatusCode.Forbidden, "FORBIDDEN");
        }

        using var list = await operations.GetAsync(new Uri(Parked, UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, list.StatusCode);
    }

    [Fact]
    public async Task The_in_process_transport_has_no_dead_letter_queue()
    {
        Assert.False(host.OnRabbitMq);
        using var response = await host.Admin.GetAsync(new Uri(OperationsHost.PathOf("audit", "/dead-letters"), UriKind.Relative));
        await response.ExpectErrorAsync(HttpStatusCode.NotFound, "NOT_FOUND");
        var error = await response.ReadErrorAsync();
        Assert.Contains("in-process transport", error.GetProperty("errors")[0].GetProperty("message").GetString(), StringComparison.Ordinal);
    }

    private static async Task<JsonElement> DataAsync(HttpResponseMessage response)
    {
        using (response)
        {
            var json = await response.ReadJsonAsync();
            Assert.True(response.StatusCode == HttpStatusCode.OK, $"{response.RequestMessage?.Method} {response.RequestMessage?.RequestUri} answered {(int)response.StatusCode}: {json}");
            return json.GetProperty("data");
        }
    }
}

/// <summary>On SQLite files.</summary>
public sealed class SqliteParkedOutboxOperationsTests(SqliteOperationsHost host) : ParkedOutboxOperationsTests<SqliteOperationsHost>(host);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresParkedOutboxOperationsTests(PostgresOperationsHost host) : ParkedOutboxOperationsTests<PostgresOperationsHost>(host);
