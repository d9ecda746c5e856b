namespace Mercato.Catalog.Tests.Support;

/// <summary>Identity and Catalog on SQLite with <c>Catalog:Search:Engine=database</c> (FTS5).</summary>
public sealed class SqliteDatabaseSearchFactory : CatalogFactory
{
    /// <summary>Creates the host.</summary>
    public SqliteDatabaseSearchFactory() => Settings["Catalog:Search:Engine"] = "database";
}

/// <summary>Identity and Catalog on PostgreSQL with <c>Catalog:Search:Engine=database</c> (tsvector).</summary>
public sealed class PostgresDatabaseSearchFactory : CatalogFactory
{
    /// <summary>Creates the host.</summary>
    public PostgresDatabaseSearchFactory()
        : base(postgres: true) => Settings["Catalog:Search:Engine"] = "database";
}
