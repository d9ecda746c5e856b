using Mercato.Platform.Persistence;

namespace Mercato.Audit.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context.</summary>
public sealed class AuditSqliteDesignTimeFactory : SqliteDesignTimeFactory<AuditSqliteDbContext>;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context.</summary>
public sealed class AuditPostgresDesignTimeFactory : PostgresDesignTimeFactory<AuditPostgresDbContext>;
