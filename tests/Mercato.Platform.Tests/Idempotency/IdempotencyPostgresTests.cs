using System.Net;
using Mercato.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace Mercato.Platform.Tests.Idempotency;

/// <summary>
/// The same guarantees with the records in PostgreSQL (the distributed mode's store), where
/// concurrent first requests race on the primary key across connections.
/// </summary>
public sealed class IdempotencyPostgresTests : IAsyncLifetime
{
    private readonly string _prefix = TestInfrastructure.UniqueName("idem") + "_";
    private readonly FakeTimeProvider _time = new(DateTimeOffset.UtcNow);
    private readonly TestHostFactory _factory = new();
    private WebApplicationFactory<Program> _host = null!;
    private HttpClient _client = null!;

    public ValueTask InitializeAsync()
    {
        _factory.Settings["Persistence:Provider"] = "postgres";
        _factory.Settings["Persistence:Postgres"] = TestInfrastructure.Postgres;
        _factory.Settings["Persistence:DatabasePrefix"] = _prefix;
        _host = _factory.WithWebHostBuilder(b => b.ConfigureTestServices(s => s.AddSingleton<TimeProvider>(_time)));
        _client = _host.CreateClient();
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        await _host.DisposeAsync();
        await _factory.DisposeAsync();
        await TestInfrastructure.DropPostgresDatabasesAsync(_prefix);
    }

    [Fact]
    public Task Same_key_and_body_replays_the_first_response_byte_for_byte_and_runs_once() =>
        IdempotencyScenarios.ReplaysByteForByteAsync(_client);

    [Fact]
    public Task Same_key_with_a_different_body_answers_409_and_creates_nothing() =>
        IdempotencyScenarios.DifferentBodyConflictsAsync(_client);

    [Fact]
    public Task Concurrent_requests_with_the_same_key_run_the_handler_once() =>
        IdempotencyScenarios.ConcurrentRequestsRunOnceAsync(_client);

    [Fact]
    public Task A_failed_request_releases_its_key_so_the_retry_runs() =>
        IdempotencyScenarios.FailureReleasesTheKeyAsync(_client, "throw", HttpStatusCode.InternalServerError, "INTERNAL_ERROR");

    [Fact]
    public Task A_stored_response_is_replayed_for_24_hours_and_then_the_key_is_free_again() =>
        IdempotencyScenarios.ExpiresAfterRetentionAsync(_client, _time);
}
