using Mercato.Platform.Persistence;

namespace Mercato.Probe.Data;

/// <summary>Lets <c>dotnet ef</c> build the SQLite context.</summary>
public sealed class ProbeSqliteDesignTimeFactory : SqliteDesignTimeFactory<ProbeSqliteDbContext>;

/// <summary>Lets <c>dotnet ef</c> build the PostgreSQL context.</summary>
public sealed class ProbePostgresDesignTimeFactory : PostgresDesignTimeFactory<ProbePostgresDbContext>;
