using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Mercato.Platform.Persistence;

/// <summary>Applies every hosted module's migrations (at start, or for the <c>migrate</c> command).</summary>
public sealed partial class DatabaseMigrator(IServiceProvider services, IEnumerable<ModuleDatabase> databases, ILogger<DatabaseMigrator> logger)
{
    /// <summary>
    /// Migrates every registered module database. They are independent (one database per module),
    /// so they are migrated side by side: building each context's model is CPU work that the start
    /// would otherwise wait for once per module, in turn.
    /// </summary>
    public Task MigrateAsync(CancellationToken cancellationToken)
        => Task.WhenAll(databases.Select(database => Task.Run(() => MigrateOneAsync(database, cancellationToken), cancellationToken)));

    private async Task MigrateOneAsync(ModuleDatabase database, CancellationToken cancellationToken)
    {
        if (database.Provider == DatabaseProvider.Sqlite)
        {
            PrepareSqliteFile(database.ConnectionString);
        }

        await using var scope = services.CreateAsyncScope();
        var context = (DbContext)scope.ServiceProvider.GetRequiredService(database.ContextType);
        var pending = (await context.Database.GetPendingMigrationsAsync(cancellationToken)).ToList();
        if (pending.Count > 0)
        {
            // Only when there is something to apply: MigrateAsync also compares the model with the
            // migrations' snapshot, which costs a model build and a diff on every start otherwise.
            await context.Database.MigrateAsync(cancellationToken);
        }

        if (database.Provider == DatabaseProvider.Sqlite)
        {
            // WAL lets readers proceed while one writer commits; it persists in the file.
            await context.Database.ExecuteSqlRawAsync("PRAGMA journal_mode=WAL;", cancellationToken);
        }

        LogMigrated(logger, database.Module, database.Provider, pending.Count);
    }

    /// <summary>
    /// Makes the database readable by its owner only before SQLite opens it: the data folder
    /// 0700, the file 0600 (created empty, a valid empty database, when missing). SQLite gives its
    /// -wal, -shm and -journal files the database file's mode; existing ones are narrowed too.
    /// </summary>
    private static void PrepareSqliteFile(string connectionString)
    {
        var builder = new SqliteConnectionStringBuilder(connectionString);
        if (builder.Mode == SqliteOpenMode.Memory || string.IsNullOrEmpty(builder.DataSource) || builder.DataSource == ":memory:")
        {
            return;
        }

        var file = Path.GetFullPath(builder.DataSource);
        var directory = Path.GetDirectoryName(file);
        if (!string.IsNullOrEmpty(directory))
        {
            OwnerOnlyFiles.EnsureFolder(directory);
        }

        OwnerOnlyFiles.EnsureFile(file);
        foreach (var suffix in new[] { "-wal", "-shm", "-journal" })
        {
            OwnerOnlyFiles.Restrict(file + suffix);
        }
    }

    [LoggerMessage(EventId = 1200, Level = LogLevel.Information, Message = "Database of module {Module} ({Provider}) is up to date; {Applied} migration(s) applied")]
    private static partial void LogMigrated(ILogger logger, string module, string provider, int applied);
}
