using Mercato.Platform.Hosting;
using Npgsql;

namespace Mercato.Platform.Persistence;

/// <summary>Where modules keep their data (<c>Persistence</c> section), validated at start.</summary>
public sealed class PersistenceOptions : IValidatedOptions
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

    /// <summary><see cref="Provider"/> as one of <see cref="DatabaseProvider"/>'s names, or null when it names none.</summary>
    public string? ResolvedProvider => Provider.Trim().ToLowerInvariant() switch
    {
        "sqlite" => DatabaseProvider.Sqlite,
        "postgres" or "postgresql" or "npgsql" => DatabaseProvider.Postgres,
        _ => null,
    };

    /// <inheritdoc />
    public IEnumerable<string> Problems() => SettingRules.Failed(
        ResolvedProvider is null ? $"Persistence:Provider '{Provider}' is not supported; use 'sqlite' or 'postgres'" : null,
        string.IsNullOrWhiteSpace(DataDirectory) ? "Persistence:DataDirectory must be set" : null,
        PostgresProblem());

    private string? PostgresProblem()
    {
        if (string.IsNullOrWhiteSpace(Postgres))
        {
            return null;
        }

        try
        {
            _ = new NpgsqlConnectionStringBuilder(Postgres);
            return null;
        }
        catch (ArgumentException ex)
        {
            // The message names the faulty keyword, never the value (which may hold a password).
            return "Persistence:Postgres is not a valid PostgreSQL connection string: " + ex.Message;
        }
    }
}
