using System.Net;
using Mercato.Platform.Persistence;
using Mercato.Probe.Data;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Npgsql;

namespace Mercato.Platform.Tests.Errors;

/// <summary>
/// A PostgreSQL database that stops taking connections (maintenance, a restart, too many clients)
/// while the host runs: the API answers 503 <c>SERVICE_UNAVAILABLE</c> with <c>Retry-After</c>, as
/// for any dependency that is down, keeps nothing of the refused request, and answers again as
/// soon as the database does; the module's outbox relay and consumer queues say once that they wait, not at every poll.
/// </summary>
public sealed class DatabaseUnavailableTests : IAsyncLifetime
{
    private readonly TestHostFactory _factory = new();
    private string _database = string.Empty;

    public ValueTask InitializeAsync()
    {
        _factory.UsePostgres("dbdown");
        _factory.Settings["Messaging:Relay:PollInterval"] = "00:00:00.100";
        _factory.Settings["Logging:LogLevel:Mercato.Messaging"] = "Information";
        return ValueTask.CompletedTask;
    }

    public async ValueTask DisposeAsync()
    {
        if (_database.Length > 0)
        {
            await AllowConnectionsAsync(true);
        }

        await _factory.DisposeAsync();
    }

    [Fact]
    public async Task A_database_that_refuses_connections_answers_503_with_retry_after_keeps_nothing_and_answers_again_when_it_is_back()
    {
        var client = _factory.CreateClient();
        Guid kept;
        using (var created = await client.PostJsonAsync("/api/v1/probe/notes", new { text = "before the outage", priority = 2 }))
        {
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            kept = (await created.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid();
        }

        _database = new NpgsqlConnectionStringBuilder(_factory.Services.GetServices<ModuleDatabase>().Single(d => d.ContextType == typeof(ProbeDbContext)).ConnectionString).Database!;
        var logged = _factory.Logs.Entries.Count;
        await AllowConnectionsAsync(false);

        using (var refused = await client.PostJsonAsync("/api/v1/probe/notes", new { text = "during the outage", priority = 2 }))
        {
            await AssertUnavailableAsync(refused);
        }

        using (var read = await client.GetAsync($"/api/v1/probe/notes/{kept}"))
        {
            await AssertUnavailableAsync(read);
        }

        // The Probe module's outbox relay polls every 100 ms meanwhile: it says once that the
        // database is unavailable, as a warning, and fails no round with an error.
        await Eventually.HoldsAsync(() => Task.FromResult(RelayLogs(logged).Count >= 1 && QueueLogs(logged).Count >= 1), "the relay and the consumer queues to notice the database is unavailable");
        await Task.Delay(TimeSpan.FromMilliseconds(500), TestContext.Current.CancellationToken);
        var during = _factory.Logs.Entries.Skip(logged).ToList();
        Assert.Equal(2, during.Count(e => e.EventId.Id == 1003 && e.Level == LogLevel.Warning));
        Assert.DoesNotContain(during, e => e.Category.EndsWith("EnvelopeExceptionHandler", StringComparison.Ordinal) && e.Level >= LogLevel.Error);
        Assert.Equal([(2005, LogLevel.Warning)], RelayLogs(logged).Select(e => (e.EventId.Id, e.Level)));
        Assert.Equal([(2303, LogLevel.Warning)], QueueLogs(logged).Select(e => (e.EventId.Id, e.Level)));

        await AllowConnectionsAsync(true);
        using (var back = await client.GetAsync($"/api/v1/probe/notes/{kept}"))
        {
            Assert.Equal(HttpStatusCode.OK, back.StatusCode);
        }

        await Eventually.HoldsAsync(() => Task.FromResult(RelayLogs(logged).Count == 2 && QueueLogs(logged).Count == 2), "the relay and the consumer queues to say the database is back");
        Assert.Equal([(2005, LogLevel.Warning), (2006, LogLevel.Information)], RelayLogs(logged).Select(e => (e.EventId.Id, e.Level)));
        Assert.Equal([(2303, LogLevel.Warning), (2304, LogLevel.Information)], QueueLogs(logged).Select(e => (e.EventId.Id, e.Level)));

        await using var scope = _factory.Services.CreateAsyncScope();
        Assert.Equal(["before the outage"], await scope.ServiceProvider.GetRequiredService<ProbeDbContext>().Notes.Select(n => n.Text).ToListAsync());
    }

    /// <summary>What the Probe module's outbox relay logged since entry <paramref name="from"/>, at Information or above.</summary>
    private List<CapturedLog> RelayLogs(int from) => WorkerLogs(from, "Mercato.Messaging.Outbox.OutboxRelay");

    /// <summary>What the Probe database's consumer queue worker logged since entry <paramref name="from"/>, at Information or above.</summary>
    private List<CapturedLog> QueueLogs(int from) => WorkerLogs(from, "Mercato.Messaging.InProcess.ConsumerQueueWorker");

    private List<CapturedLog> WorkerLogs(int from, string category) =>
        [.. _factory.Logs.Entries.Skip(from).Where(e => e.Category.StartsWith(category, StringComparison.Ordinal) && e.Level >= LogLevel.Information && e.Message.Contains("ProbeDbContext", StringComparison.Ordinal))];

    private async Task AssertUnavailableAsync(HttpResponseMessage response)
    {
        Assert.Equal(HttpStatusCode.ServiceUnavailable, response.StatusCode);
        Assert.Equal(TimeSpan.FromSeconds(5), response.Headers.RetryAfter?.Delta);
        var body = await response.Content.ReadAsStringAsync();
        Assert.DoesNotContain(_database, body, StringComparison.Ordinal);
        Assert.DoesNotContain("55000", body, StringComparison.Ordinal);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["SERVICE_UNAVAILABLE"], error.ErrorCodes());
        Assert.Equal("The database is temporarily unavailable; try again shortly", error.GetProperty("errors")[0].GetProperty("message").GetString());
    }

    /// <summary>Lets the module's database take connections or not; when not, its open connections are closed too.</summary>
    private async Task AllowConnectionsAsync(bool allow)
    {
        await using var connection = new NpgsqlConnection(TestInfrastructure.PostgresAdministration);
        await connection.OpenAsync();
        await using (var alter = new NpgsqlCommand($"ALTER DATABASE \"{_database}\" ALLOW_CONNECTIONS {(allow ? "true" : "false")}", connection))
        {
            await alter.ExecuteNonQueryAsync();
        }

        if (!allow)
        {
            await using var terminate = new NpgsqlCommand("SELECT pg_terminate_backend(pid) FROM pg_stat_activity WHERE datname = @name", connection);
            terminate.Parameters.AddWithValue("name", _database);
            await terminate.ExecuteNonQueryAsync();
            NpgsqlConnection.ClearAllPools();
        }
    }
}
