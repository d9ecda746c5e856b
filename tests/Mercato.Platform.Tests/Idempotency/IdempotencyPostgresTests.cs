using Mercato.Testing;

namespace Mercato.Platform.Tests.Idempotency;

/// <summary>
/// The database-dependent guarantees with the records in PostgreSQL (the distributed mode's
/// store), where concurrent first requests race on the primary key across connections.
/// </summary>
public sealed class IdempotencyPostgresTests : IdempotencyHostTests
{
    private readonly string _prefix = TestInfrastructure.UniqueName("idem") + "_";

    protected override Task ConfigureAsync()
    {
        Factory.Settings["Persistence:Provider"] = "postgres";
        Factory.Settings["Persistence:Postgres"] = TestInfrastructure.Postgres;
        Factory.Settings["Persistence:DatabasePrefix"] = _prefix;
        return Task.CompletedTask;
    }

    protected override Task CleanUpAsync() => TestInfrastructure.DropPostgresDatabasesAsync(_prefix);
}
