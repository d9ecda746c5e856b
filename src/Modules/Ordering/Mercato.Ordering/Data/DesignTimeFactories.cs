using Mercato.Platform.Persistence;

namespace Mercato.Ordering.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context.</summary>
internal sealed class OrderingSqliteDesignTimeFactory : SqliteDesignTimeFactory<OrderingSqliteDbContext>;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context.</summary>
internal sealed class OrderingPostgresDesignTimeFactory : PostgresDesignTimeFactory<OrderingPostgresDbContext>;
