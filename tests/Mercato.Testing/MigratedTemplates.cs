using System.Collections.Concurrent;
using Mercato.Platform.Persistence;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace Mercato.Testing;

/// <summary>
/// Each module database a test host starts with, copied from a template migrated once per test
/// process and provider instead of migrated again for every host: a SQLite file copied, a
/// PostgreSQL database created with <c>CREATE DATABASE ... TEMPLATE</c>. The host's own migrator
/// still runs at its start and finds nothing to apply. A database that already exists (a host
/// started again on another host's data) is left as it is. The templates are made with the host's
/// own context types and migrations, so they are exactly what a migration would make; they are
/// removed when the test process ends. <c>MERCATO_TEST_TEMPLATES=0</c> turns this off (every host
/// migrates, as before), and so does a factory that tests migrating itself.
/// </summary>
internal static class MigratedTemplates
{
    private static readonly ConcurrentDictionary<(string Provider, Type Context), Lazy<Task<string>>> Templates = new();
    private static readonly Lazy<string> Folder = new(() => Directory.CreateTempSubdirectory("mercato-templates-").FullName);
    private static readonly string PostgresPrefix = TestInfrastructure.UniqueName("template") + "_";
    private static int _cleanupRegistered;

    /// <summary>Whether hosts start from templates (on unless <c>MERCATO_TEST_TEMPLATES=0</c>).</summary>
    public static bool Enabled { get; } = Environment.GetEnvironmentVariable("MERCATO_TEST_TEMPLATES") != "0";

    /// <summary>Gives every module database of the built, not yet started host its migrated copy.</summary>
    public static Task PrepareAsync(IServiceProvider services)
        => Task.WhenAll(services.GetServices<ModuleDatabase>()
            .GroupBy(d => (d.Provider, d.ConnectionString))
            // A database registered more than once is copied once; one shared by two context
            // types (none is today) is left to the host's migrator.
            .Where(g => g.Select(d => d.ContextType).Distinct().Count() == 1)
            .Select(g => CloneAsync(services, g.First())));

    private static async Task CloneAsync(IServiceProvider services, ModuleDatabase database)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            var target = new SqliteConnectionStringBuilder(database.ConnectionString).DataSource;
            if (string.IsNullOrEmpty(target) || target == ":memory:" || File.Exists(target))
            {
                return;
            }

            var template = await TemplateAsync(services, database);
            OwnerOnlyFiles.EnsureFolder(Path.GetDirectoryName(Path.GetFullPath(target))!);
            File.Copy(template, target);
            OwnerOnlyFiles.Restrict(target);
            return;
        }

        var name = new NpgsqlConnectionStringBuilder(database.ConnectionString).Database!;
        await using var connection = new NpgsqlConnection(TestInfrastructure.PostgresAdministration);
        await connection.OpenAsync();
        await using (var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection))
        {
            exists.Parameters.AddWithValue("name", name);
            if (await exists.ExecuteScalarAsync() is not null)
            {
                return;
            }
        }

        var templateName = await TemplateAsync(services, database);
        // FILE_COPY copies the template's files instead of writing every page through the WAL
        // (PostgreSQL 15's default, WAL_LOG): measured on the test cluster (fsync off), 0.04 instead
        // of 0.17 CPU-s per database, and a test run creates hundreds (older servers only copy files).
        var strategy = connection.PostgreSqlVersion.Major >= 15 ? " STRATEGY FILE_COPY" : string.Empty;
        await using var create = new NpgsqlCommand($"CREATE DATABASE \"{name}\" TEMPLATE \"{templateName}\"{strategy}", connection);
        await create.ExecuteNonQueryAsync();
    }

    private static async Task<string> TemplateAsync(IServiceProvider services, ModuleDatabase database)
    {
        var key = (database.Provider, database.ContextType);
        var template = Templates.GetOrAdd(key, _ => new Lazy<Task<string>>(() => CreateTemplateAsync(services, database)));
        try
        {
            return await template.Value;
        }
        catch
        {
            // The next host tries again rather than failing on this one's error.
            Templates.TryRemove(KeyValuePair.Create(key, template));
            throw;
        }
    }

    /// <summary>Migrates a new database of the module's context type (the host's concrete one, for its provider) and returns its file or name.</summary>
    private static async Task<string> CreateTemplateAsync(IServiceProvider services, ModuleDatabase database)
    {
        RegisterCleanup();
        Type concrete;
        await using (var scope = services.CreateAsyncScope())
        {
            concrete = scope.ServiceProvider.GetRequiredService(database.ContextType).GetType();
        }

        var options = (DbContextOptionsBuilder)Activator.CreateInstance(typeof(DbContextOptionsBuilder<>).MakeGenericType(concrete))!;
        string template;
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            template = Path.Combine(Folder.Value, database.Module + ".db");
            options.UseSqlite($"Data Source={template};Pooling=False");
        }
        else
        {
            template = PostgresPrefix + database.Module;
            options.UseNpgsql(new NpgsqlConnectionStringBuilder(database.ConnectionString) { Database = template, Pooling = false }.ConnectionString);
        }

        // No connection stays open afterwards (no pooling): PostgreSQL copies a template only then,
        // and the SQLite file is complete on disk.
        await using var context = (DbContext)Activator.CreateInstance(concrete, options.Options)!;
        await context.Database.MigrateAsync();
        return template;
    }

    private static void RegisterCleanup()
    {
        if (Interlocked.Exchange(ref _cleanupRegistered, 1) == 0)
        {
            AppDomain.CurrentDomain.ProcessExit += (_, _) => Cleanup();
        }
    }

    private static void Cleanup()
    {
        if (Templates.Keys.Any(k => k.Provider == DatabaseProvider.Postgres))
        {
            try
            {
                TestInfrastructure.DropPostgresDatabasesAsync(PostgresPrefix).GetAwaiter().GetResult();
            }
            catch (NpgsqlException)
            {
                // The server is already gone (the test command stops it after the tests).
            }
        }

        if (Folder.IsValueCreated)
        {
            try
            {
                Directory.Delete(Folder.Value, recursive: true);
            }
            catch (IOException)
            {
                // A temporary folder; the OS cleans it.
            }
        }
    }
}
