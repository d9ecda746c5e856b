using Mercato.Platform.Persistence;

namespace Mercato.Cart.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context.</summary>
internal sealed class CartSqliteDesignTimeFactory : SqliteDesignTimeFactory<CartSqliteDbContext>;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context.</summary>
internal sealed class CartPostgresDesignTimeFactory : PostgresDesignTimeFactory<CartPostgresDbContext>;
