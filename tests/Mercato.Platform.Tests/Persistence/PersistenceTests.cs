using System.Net;
using Mercato.Platform.Tests.Support;
using Mercato.Testing;
using Mercato.Platform.Persistence;
using Mercato.Probe.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Mercato.Platform.Tests.Persistence;

/// <summary>SQLite by default, PostgreSQL by configuration; each module gets its own database, migrated at start.</summary>
public sealed class PersistenceTests
{
    [Fact]
    public async Task Sqlite_is_the_default_with_one_file_per_module_under_the_data_directory()
    {
        await using var factory = new TestHostFactory();
        var client = factory.CreateClient();

        var created = await client.PostJsonAsync("/api/v1/probe/notes", new { text = "on sqlite", priority = 1 });
        Assert.Equal(HttpStatusCode.Created, created.StatusCode);

        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "probe.db")));
        Assert.True(File.Exists(Path.Combine(factory.DataDirectory, "audit.db")));
        var id = (await created.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetString();
        var read = await client.GetAsync(new Uri($"/api/v1/probe/notes/{id}", UriKind.Relative));
        Assert.Equal(HttpStatusCode.OK, read.StatusCode);
    }

    [Fact]
    public async Task A_modules_context_options_are_built_once_and_carry_every_interceptor_registered_for_it()
    {
        await using var factory = new TestHostFactory();
        _ = factory.CreateClient();

        DbContextOptions Options()
        {
            using var scope = factory.Services.CreateScope();
            return scope.ServiceProvider.GetRequiredService<ProbeDbContext>().GetService<IDbContextOptions>() as DbContextOptions
                ?? throw new InvalidOperationException("no options");
        }

        var first = Options();
        Assert.Same(first, Options());
        var interceptors = first.FindExtension<CoreOptionsExtension>()!.Interceptors!.Select(i => i.GetType().Name).ToList();
        Assert.Contains(nameof(SqliteSerialWrites), interceptors);
        Assert.Contains(interceptors, name => name.StartsWith("OutboxSignalInterceptor", StringComparison.Ordinal));
    }

    [Fact]
    public async Task Postgres_by_configuration_creates_and_migrates_one_database_per_module()
    {
        var prefix = TestInfrastructure.UniqueName("mercato_persist") + "_";
        try
        {
            await using var factory = new TestHostFactory();
            factory.Settings["Persistence:Provider"] = "postgres";
            factory.Settings["Persistence:Postgres"] = TestInfrastructure.Postgres;
            factory.Settings["Persistence:DatabasePrefix"] = prefix;
            var client = factory.CreateClient();

            var created = await client.PostJsonAsync("/api/v1/probe/notes", new { text = "on postgres", priority = 2 });
            Assert.Equal(HttpStatusCode.Created, created.StatusCode);
            var noteId = (await created.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetString();

            // The note is in the probe database, its event reached the audit database.
            Assert.Equal(1L, await ScalarAsync(prefix + "probe", $"SELECT count(*) FROM probe_notes WHERE \"Id\" = '{noteId}'"));
            var applied = await MercatoProcess.EventuallyAsync(
                () => ScalarAsync(prefix + "audit", $"SELECT count(*) FROM audit_entries WHERE \"NoteId\" = '{noteId}'"),
                n => n == 1,
                TimeSpan.FromSeconds(30));
            Assert.Equal(1L, applied);
            Assert.True(await ScalarAsync(prefix + "probe", "SELECT count(*) FROM \"__EFMigrationsHistory\"") >= 1);

            var ready = await client.GetAsync(new Uri("/health/ready", UriKind.Relative));
            Assert.Equal(HttpStatusCode.OK, ready.StatusCode);
            var checks = (await ready.ReadJsonAsync()).GetProperty("data").GetProperty("checks").EnumerateArray()
                .Select(c => c.GetProperty("name").GetString()).ToList();
            Assert.Contains("db-probe", checks);
            Assert.Contains("db-audit", checks);
        }
        finally
        {
            await TestInfrastructure.DropPostgresDatabasesAsync(prefix);
        }
    }

    [Fact]
    public async Task An_unknown_provider_stops_start_up_with_a_clear_message()
    {
        var (exitCode, output) = await RefusedStart.RunAsync(new() { ["Persistence:Provider"] = "oracle" });

        Assert.Equal(2, exitCode);
        Assert.Contains("Persistence:Provider 'oracle' is not supported", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Postgres_without_a_connection_string_stops_start_up_with_a_clear_message()
    {
        var (exitCode, output) = await RefusedStart.RunAsync(new() { ["Persistence:Provider"] = "postgres" });

        Assert.Equal(2, exitCode);
        Assert.Contains("neither Persistence:Postgres nor ConnectionStrings:probe is set", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task A_module_connection_string_that_is_not_one_stops_start_up_with_a_clear_message()
    {
        var (exitCode, output) = await RefusedStart.RunAsync(new()
        {
            ["Persistence:Provider"] = "postgres",
            ["ConnectionStrings:probe"] = "not a connection string",
        });

        Assert.Equal(2, exitCode);
        Assert.Contains("ConnectionStrings:probe is not a valid PostgreSQL connection string", output, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, true)]
    [InlineData("ConnectionStrings:probe", true)]
    [InlineData("ConnectionStrings:probe;No Reset On Close=false", false)]
    [InlineData("Persistence:Postgres;NoResetOnClose=false", false)]
    public void Pooled_postgres_connections_skip_the_session_reset_unless_the_operator_asks_for_it(string? where, bool expected)
    {
        var server = TestInfrastructure.Postgres.TrimEnd(';');
        var settings = new Dictionary<string, string?>
        {
            ["Persistence:Provider"] = "postgres",
            ["Persistence:Postgres"] = server,
            ["Persistence:DatabasePrefix"] = "mercato_",
        };
        if (where is not null)
        {
            var parts = where.Split(';', 2);
            settings[parts[0]] = parts.Length > 1 ? $"{server};Database=probe_db;{parts[1]}" : $"{server};Database=probe_db";
        }

        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var database = PersistenceSetup.Resolve(configuration, "probe", typeof(ProbeDbContext));

        var resolved = new NpgsqlConnectionStringBuilder(database.ConnectionString);
        Assert.Equal(expected, resolved.NoResetOnClose);
        Assert.Equal(where?.StartsWith("ConnectionStrings", StringComparison.Ordinal) == true ? "probe_db" : "mercato_probe", resolved.Database);
        Assert.Equal(new NpgsqlConnectionStringBuilder(server).Host, resolved.Host);
    }

    private static async Task<long> ScalarAsync(string database, string sql)
    {
        await using var connection = new NpgsqlConnection(new NpgsqlConnectionStringBuilder(TestInfrastructure.Postgres) { Database = database }.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }
}
