namespace Mercato.Platform.Persistence;

/// <summary>The supported database providers.</summary>
public static class DatabaseProvider
{
    /// <summary>Embedded SQLite files (the default).</summary>
    public const string Sqlite = "sqlite";

    /// <summary>PostgreSQL, one database per module.</summary>
    public const string Postgres = "postgres";
}
