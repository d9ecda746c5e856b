namespace Mercato.Platform.Persistence;

/// <summary>Where modules keep their data (<c>Persistence</c> section).</summary>
public sealed class PersistenceOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Persistence";

    /// <summary><c>sqlite</c> (default) or <c>postgres</c>.</summary>
    public string Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>Folder of the SQLite files, one per module.</summary>
    public string DataDirectory { get; set; } = "./data";

    /// <summary>PostgreSQL server connection string without a database; each module gets its own database.</summary>
    public string? Postgres { get; set; }

    /// <summary>Prefix of each module's PostgreSQL database name (<c>mercato_catalog</c>).</summary>
    public string DatabasePrefix { get; set; } = "mercato_";

    /// <summary>Apply pending migrations when the server starts.</summary>
    public bool MigrateOnStart { get; set; } = true;
}
