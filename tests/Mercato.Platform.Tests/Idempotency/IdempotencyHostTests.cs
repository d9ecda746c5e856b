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
/// The guarantees that depend on the database, run against each provider by the subclasses:
/// the TestHost in memory, its records in the provider's database, on a fake clock.
/// </summary>
public abstract class IdempotencyHostTests : IAsyncLifetime
{
    private static readonly TimeSpan LockTimeout = TimeSpan.FromMinutes(2);
    private static readonly TimeSpan SweepInterval = TimeSpan.FromMinutes(5);

    private WebApplicationFactory<Program> _host = null!;

    /// <summary>The factory; subclasses add settings in <see cref="ConfigureAsync"/>.</summary>
    protected TestHostFactory Factory { get; } = new();

    /// <summary>The host's clock.</summary>
    protected FakeTimeProvider Time { get; } = new(DateTimeOffset.UtcNow);

    /// <summary>A client of the host.</summary>
    protected HttpClient Client { get; private set; } = null!;

    public async ValueTask InitializeAsync()
    {
        Factory.Settings["Idempotency:LockTimeout"] = LockTimeout.ToString();
        Factory.Settings["Idempotency:SweepInterval"] = SweepInterval.ToString();
        Factory.Settings["Logging:LogLevel:Microsoft.EntityFrameworkCore.Update"] = "Debug"; // to see the lost races below
        await ConfigureAsync();
        _host = Factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(Time)));
        Client = _host.CreateClient();
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await Factory.DisposeAsync();
        await CleanUpAsync();
        GC.SuppressFinalize(this);
    }

    /// <summary>Adds the subclass's settings before the host starts.</summary>
    protected abstract Task ConfigureAsync();

    /// <summary>Removes what the subclass created, after the host stopped.</summary>
    protected abstract Task CleanUpAsync();

    [Fact]
    public Task Same_key_and_body_replays_the_first_response_byte_for_byte_and_runs_once() =>
        IdempotencyScenarios.ReplaysByteForByteAsync(Client);

    [Fact]
    public Task Same_key_with_a_different_body_answers_409_and_creates_nothing() =>
        IdempotencyScenarios.DifferentBodyConflictsAsync(Client);

    [Fact]
    public Task Concurrent_requests_with_the_same_key_run_the_handler_once() =>
        IdempotencyScenarios.ConcurrentRequestsRunOnceAsync(Client);

    [Fact]
    public async Task Racing_requests_with_the_same_key_are_handled_without_an_error_in_the_log()
    {
        var started = Factory.Logs.Entries.Count; // the host has started; its start-up is not what this looks at

        await IdempotencyScenarios.ConcurrentRequestsRunOnceAsync(Client);

        // The losers hit the key's primary key: an expected race, answered 409 or replayed, logged at Debug, not as an error.
        var during = Factory.Logs.Entries.Skip(started).ToList();
        Assert.Contains(during, e => e.EventId.Id == Microsoft.EntityFrameworkCore.Diagnostics.CoreEventId.SaveChangesFailed.Id && e.Level == Microsoft.Extensions.Logging.LogLevel.Debug);
        // (On PostgreSQL, EF's connection errors while the start-up migration creates the databases may
        // still be arriving; they are not the race.)
        Assert.DoesNotContain(during, e => e.Level >= Microsoft.Extensions.Logging.LogLevel.Error
            && e.Category != "Microsoft.EntityFrameworkCore.Database.Connection");
    }

    [Theory]
    [InlineData("throw", HttpStatusCode.InternalServerError, "INTERNAL_ERROR")]
    [InlineData("503", HttpStatusCode.ServiceUnavailable, "SERVICE_UNAVAILABLE")]
    public Task A_failed_request_releases_its_key_so_the_retry_runs(string fail, HttpStatusCode status, string code) =>
        IdempotencyScenarios.FailureReleasesTheKeyAsync(Client, fail, status, code);

    [Fact]
    public Task A_stored_response_is_replayed_for_24_hours_and_then_the_key_is_free_again() =>
        IdempotencyScenarios.ExpiresAfterRetentionAsync(Client, Time);

    [Fact]
    public async Task Expired_records_are_swept_from_the_database()
    {
        var reference = ProbeOrders.NewReference();
        var key = ProbeOrders.NewKey();
        Assert.Equal(HttpStatusCode.Created, (await ProbeOrders.PostAsync(Client, ProbeOrders.Body(reference), key)).Status);
        Assert.Equal(1, await CountRecordsAsync(key));

        Time.Advance(TimeSpan.FromHours(24) + TimeSpan.FromMinutes(1));

        // The sweep waits on the fake clock: keep time moving, one sweep interval per look.
        await MercatoProcess.EventuallyAsync(
            async () =>
            {
                Time.Advance(SweepInterval);
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
        var body = ProbeOrders.Body(reference, delayMs: 10_000);

        // The first request holds the key for a while, as one whose process died would hold it forever.
        var slow = ProbeOrders.PostAsync(Client, body, key);
        await MercatoProcess.EventuallyAsync(() => CountRecordsAsync(key), count => count == 1, TimeSpan.FromSeconds(30));
        var whileRunning = await ProbeOrders.PostAsync(Client, body, key);

        Time.Advance(LockTimeout + TimeSpan.FromSeconds(1));
        var takeover = await ProbeOrders.PostAsync(Client, body, key);
        var original = await slow;

        whileRunning.AssertKeyError(HttpStatusCode.Conflict, "CONFLICT");
        Assert.Equal(HttpStatusCode.Created, takeover.Status);
        Assert.Null(takeover.Replayed);
        Assert.Equal(HttpStatusCode.Created, original.Status);
        Assert.NotEqual(original.Number, takeover.Number);
        Assert.Equal(2, (await ProbeOrders.ListAsync(Client, reference)).Length);

        // The request that took the key over owns it: its response is the one replayed.
        (await ProbeOrders.PostAsync(Client, body, key)).AssertReplayOf(takeover);
    }

    private async Task<int> CountRecordsAsync(string key)
    {
        await using var scope = _host.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<ProbeDbContext>();
        return await db.Set<IdempotencyRecord>().CountAsync(r => r.Key == key);
    }
}
