using Mercato.Server.Tests.Startup;
using Mercato.Server.Tests.Support;
using Mercato.Testing;
using Npgsql;

namespace Mercato.Server.Tests.Migrate;

/// <summary><c>migrate</c> applies the selected modules' migrations and exits without serving.</summary>
public sealed class MigrateCommandTests
{
    [Fact]
    public async Task Migrate_on_sqlite_creates_only_the_selected_modules_database_and_exits()
    {
        using var workDir = new TempDirectory();
        var data = workDir.Combine("db");

        await using var process = await Processes.RunToExitAsync(
            RepoPaths.TestHostDll,
            workDir,
            new Dictionary<string, string?> { ["Persistence:DataDirectory"] = data },
            "migrate", "--services", "probe");

        Assert.Equal(0, process.ExitCode);
        var probe = Path.Combine(data, "probe.db");
        Assert.Contains("probe_notes", await ServerStartupTests.TablesAsync(probe));
        Assert.Contains("outbox_messages", await ServerStartupTests.TablesAsync(probe));
        Assert.Equal(ProbeMigrations("Sqlite"), await ServerStartupTests.AppliedMigrationsAsync(probe));
        Assert.False(File.Exists(Path.Combine(data, "audit.db")), "audit was not selected");
        Assert.Empty(JsonLogs.WithEvent(process.Output, Processes.BannerCategory, Processes.ListeningEvent));
    }

    [Fact]
    public async Task Migrate_on_postgres_creates_only_the_selected_modules_database_and_exits()
    {
        var prefix = TestInfrastructure.UniqueName("mig") + "_";
        using var workDir = new TempDirectory();
        try
        {
            await using var process = await Processes.RunToExitAsync(
                RepoPaths.TestHostDll,
                workDir,
                new Dictionary<string, string?>
                {
                    ["Persistence:Provider"] = "postgres",
                    ["Persistence:Postgres"] = TestInfrastructure.Postgres,
                    ["Persistence:DatabasePrefix"] = prefix,
                },
                "migrate", "--services", "probe");

            Assert.Equal(0, process.ExitCode);
            Assert.Equal([prefix + "probe"], await DatabasesAsync(prefix));
            var probe = new NpgsqlConnectionStringBuilder(TestInfrastructure.Postgres) { Database = prefix + "probe" }.ConnectionString;
            var tables = await QueryAsync(probe, "SELECT table_name FROM information_schema.tables WHERE table_schema = 'public'");
            Assert.Contains("probe_notes", tables);
            Assert.Contains("outbox_messages", tables);
            Assert.Equal(
                ProbeMigrations("Postgres"),
                await QueryAsync(probe, "SELECT \"MigrationId\" FROM \"__EFMigrationsHistory\" ORDER BY \"MigrationId\""));
            Assert.False(Directory.Exists(workDir.Combine("data")), "the postgres provider writes no SQLite files");
        }
        finally
        {
            await TestInfrastructure.DropPostgresDatabasesAsync(prefix);
        }
    }

    [Fact]
    public async Task Migrate_against_an_unreachable_database_exits_1_with_the_reason()
    {
        using var workDir = new TempDirectory();

        await using var process = await Processes.RunToExitAsync(
            RepoPaths.TestHostDll,
            workDir,
            Processes.UnreachablePostgres(),
            "migrate", "--services", "probe");

        Assert.Equal(1, process.ExitCode);
        var message = Assert.Single(process.Output, line => line.StartsWith("Mercato stopped:", StringComparison.Ordinal));
        Assert.Contains("could not be reached or migrated", message, StringComparison.Ordinal);
        Assert.DoesNotContain(process.Output, line => line.StartsWith("Unhandled exception", StringComparison.Ordinal));
    }

    private static async Task<List<string>> DatabasesAsync(string prefix)
    {
        var server = TestInfrastructure.PostgresAdministration;
        await using var connection = new NpgsqlConnection(server);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT datname FROM pg_database WHERE starts_with(datname, @p) ORDER BY datname", connection);
        command.Parameters.AddWithValue("p", prefix);
        var names = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            names.Add(reader.GetString(0));
        }

        return names;
    }

    private static async Task<List<string>> QueryAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        var values = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            values.Add(reader.GetString(0));
        }

        return values;
    }

    /// <summary>Every migration the Probe module ships for a provider, in order (from its migration files).</summary>
    private static string[] ProbeMigrations(string provider)
    {
        var folder = Path.Combine(RepoPaths.Root, "tests", "TestModules", "Probe", "Mercato.Probe", "Data", "Migrations", provider);
        var migrations = Directory.GetFiles(folder, "*.Designer.cs")
            .Select(f => Path.GetFileName(f)[..^".Designer.cs".Length])
            .Order(StringComparer.Ordinal)
            .ToArray();
        Assert.Contains(migrations, m => m.EndsWith("_Initial", StringComparison.Ordinal));
        return migrations;
    }
}
