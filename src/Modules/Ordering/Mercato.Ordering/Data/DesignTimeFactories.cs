using Mercato.Platform.Persistence;

namespace Mercato.Ordering.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context.</summary>
public sealed class OrderingSqliteDesignTimeFactory : SqliteDesignTimeFactory<OrderingSqliteDbContext>;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context.</summary>
public sealed class OrderingPostgresDesignTimeFactory : PostgresDesignTimeFactory<OrderingPostgresDbContext>;
