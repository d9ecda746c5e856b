namespace Mercato.Logs.Tests.Support;

/// <summary>The Logs service in a process of its own with Identity (which issues the shippers' tokens), on SQLite or PostgreSQL.</summary>
public class LogsServiceFactory : LogsFactory
{
    /// <summary>On SQLite.</summary>
    public LogsServiceFactory()
        : this(postgres: false)
    {
    }

    /// <summary>On SQLite or PostgreSQL.</summary>
    protected LogsServiceFactory(bool postgres)
        : base("identity,logs", postgres)
    {
    }
}

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresLogsServiceFactory() : LogsServiceFactory(postgres: true);
