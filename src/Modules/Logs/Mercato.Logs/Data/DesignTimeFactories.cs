using Mercato.Platform.Persistence;

namespace Mercato.Logs.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context.</summary>
internal sealed class LogsSqliteDesignTimeFactory : SqliteDesignTimeFactory<LogsSqliteDbContext>;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context.</summary>
internal sealed class LogsPostgresDesignTimeFactory : PostgresDesignTimeFactory<LogsPostgresDbContext>;
