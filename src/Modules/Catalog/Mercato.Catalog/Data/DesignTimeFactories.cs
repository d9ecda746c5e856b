using Mercato.Platform.Persistence;

namespace Mercato.Catalog.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context.</summary>
internal sealed class CatalogSqliteDesignTimeFactory : SqliteDesignTimeFactory<CatalogSqliteDbContext>;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context.</summary>
internal sealed class CatalogPostgresDesignTimeFactory : PostgresDesignTimeFactory<CatalogPostgresDbContext>;
