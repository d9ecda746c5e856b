using Mercato.Platform.Persistence;

namespace Mercato.Identity.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context.</summary>
internal sealed class IdentitySqliteDesignTimeFactory : SqliteDesignTimeFactory<IdentitySqliteDbContext>;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context.</summary>
internal sealed class IdentityPostgresDesignTimeFactory : PostgresDesignTimeFactory<IdentityPostgresDbContext>;
