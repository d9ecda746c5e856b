namespace Mercato.Ordering.Tests.Support;

/// <summary>
/// A host whose tests move the clock past orders' payment windows and go on signing in: tokens are
/// issued on the fake clock and checked on the real one, so a day's clock skew keeps them valid.
/// </summary>
public abstract class RevivalOrderingFactory : OrderingFactory
{
    /// <summary>Creates the host.</summary>
    protected RevivalOrderingFactory(bool postgres)
        : base(postgres) => Settings["Auth:ClockSkew"] = "1.00:00:00";
}

/// <summary>On SQLite.</summary>
public sealed class SqliteRevivalOrderingFactory() : RevivalOrderingFactory(postgres: false);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresRevivalOrderingFactory() : RevivalOrderingFactory(postgres: true);
