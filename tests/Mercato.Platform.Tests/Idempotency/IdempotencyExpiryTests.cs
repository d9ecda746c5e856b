using System.Net;
using Mercato.Platform.Idempotency;
using Mercato.Probe.Data;
using Mercato.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mercato.Platform.Tests.Idempotency;

/// <summary>
/// Time-dependent behaviour on a fake clock: stored responses live 24 hours, expired records
/// are swept, and a reservation abandoned past the lock timeout is taken over.
/// </summary>
public sealed class IdempotencyExpiryTests : IAsyncLifetime
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(5);

    private readonly TestHostFactory _factory = new();
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _factory.Settings["Idempotency:LockTimeout"] = LockTimeout.ToString();
        _factory.Settings["Idempotency:SweepInterval"] = SweepInterval.ToString();
        _host = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_time)));
        _client = _host.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
    }

    [Fact]
    public Task A_stored_response_is_replayed_for_24_hours_and_then_the_key_is_free_again() =>
        IdempotencyScenarios.ExpiresAfterRetentionAsync(_client, _time);

    [Fact]
    public async Task Expired_records_are_swept_from_the_database()
    {
        var reference = ProbeOrders.NewReference();
        var key = ProbeOrders.NewKey();
        Assert.Equal(HttpStatusCode.Created, (await ProbeOrders.PostAsync(_client, ProbeOrders.Body(reference), key)).Status);
        Assert.Equal(1, await CountRecordsAsync(key));

        _time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        // The sweep waits on the fake clock: keep time moving, one sweep interval per look.
        await MercatoProcess.EventuallyAsync(
            async () =>
            {
                _time.Advance(SweepInterval);
                return await CountRecordsAsync(key);
            },
            count => count == 0,
            TimeSpan.FromSeconds(30));
    }

    [Fact]
    public async Task A_reservation_abandoned_past_the_lock_timeout_is_taken_over()
    {
        var reference = ProbeOrders.NewReference();
        var key = ProbeOrders.NewKey();
        var body = ProbeOrders.Body(reference, delayMs: 6000);

        // The first request holds the key for a while (as a request whose process died would, forever).
        var slow = ProbeOrders.PostAsync(_client, body, key);
        await MercatoProcess.EventuallyAsync(() => CountRecordsAsync(key), count => count == 1, TimeSpan.FromSeconds(30));
        var whileRunning = await ProbeOrders.PostAsync(_client, body, key);

        _time.Advance(LockTimeout + TimeSpan.FromSeconds(1));
        var takeover = await ProbeOrders.PostAsync(_client, body, key);
        var original = await slow;

        whileRunning.AssertKeyError(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Equal(HttpStatusCode.Created, takeover.Status);
        Assert.Null(takeover.Replayed);
        Assert.Equal(HttpStatusCode.Created, original.Status);
        Assert.NotEqual(original.Number, takeover.Number);
        Assert.Equal(2, (await ProbeOrders.ListAsync(_client, reference)).Length);

        // The request that took the key over owns it: its response is the one replayed.
        (await ProbeOrders.PostAsync(_client, body, key)).AssertReplayOf(takeover);
    }

    private async Task<int> CountRecordsAsync(string key)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        return await db.Set<IdempotencyRecord>().CountAsync(r => r.Key == key);
    }
}
