using Mercato.Platform.Persistence;

namespace Mercato.Support.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context.</summary>
internal sealed class SupportSqliteDesignTimeFactory : SqliteDesignTimeFactory<SupportSqliteDbContext>;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context.</summary>
internal sealed class SupportPostgresDesignTimeFactory : PostgresDesignTimeFactory<SupportPostgresDbContext>;
