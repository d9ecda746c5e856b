using Mercato.Platform.Persistence;

namespace Mercato.Tally.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context.</summary>
public sealed class TallySqliteDesignTimeFactory : SqliteDesignTimeFactory<TallySqliteDbContext>;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context.</summary>
public sealed class TallyPostgresDesignTimeFactory : PostgresDesignTimeFactory<TallyPostgresDbContext>;
