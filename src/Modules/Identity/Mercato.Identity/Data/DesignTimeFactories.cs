using Mercato.Platform.Persistence;

namespace Mercato.Identity.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context.</summary>
public sealed class IdentitySqliteDesignTimeFactory : SqliteDesignTimeFactory<IdentitySqliteDbContext>;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context.</summary>
public sealed class IdentityPostgresDesignTimeFactory : PostgresDesignTimeFactory<IdentityPostgresDbContext>;
