using System.Net;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace Mercato.Testing;

/// <summary>
/// The real pipeline in memory (or on Kestrel, with <c>UseKestrel</c>) over real SQLite files
/// in a private temporary folder, configured through <see cref="Settings"/>.
/// </summary>
/// <typeparam name="TEntryPoint">The executable's Program.</typeparam>
public class MercatoFactory<TEntryPoint> : WebApplicationFactory<TEntryPoint>
    where TEntryPoint : class
{
    /// <summary>Creates a factory with its own data folder.</summary>
    public MercatoFactory()
        : this(Directory.CreateTempSubdirectory("mercato-test-").FullName)
    {
    }

    /// <summary>Creates a factory on an existing data folder (another factory's, handed over to this one).</summary>
    protected MercatoFactory(string dataDirectory)
    {
        DataDirectory = dataDirectory;
        Settings["Persistence:DataDirectory"] = DataDirectory;
        Settings["Logging:LogLevel:Default"] = "Warning";
    }

    /// <summary>The folder of this host's SQLite files.</summary>
    public string DataDirectory { get; }

    /// <summary>Whether disposing deletes <see cref="DataDirectory"/> (not when another factory took it over).</summary>
    protected bool OwnsData { get; set; } = true;

    /// <summary>
    /// Whether the host's module databases start as copies of migrated templates
    /// (<see cref="MigratedTemplates"/>); a factory that tests the migrations themselves turns it off.
    /// </summary>
    protected bool StartFromMigratedTemplates { get; set; } = MigratedTemplates.Enabled;

    /// <summary>The prefix of the host's own PostgreSQL databases (<see cref="UsePostgres"/>), or null on SQLite.</summary>
    public string? PostgresPrefix { get; private set; }

    /// <summary>
    /// Puts every module database of the host on the test PostgreSQL, in databases of its own
    /// (<paramref name="name"/> made unique, as their prefix), dropped when the factory is disposed.
    /// Call before the first client is created.
    /// </summary>
    /// <returns>The databases' prefix.</returns>
    public string UsePostgres(string name)
    {
        PostgresPrefix = TestInfrastructure.UniqueName(name) + "_";
        Settings["Persistence:Provider"] = "postgres";
        Settings["Persistence:Postgres"] = TestInfrastructure.Postgres;
        Settings["Persistence:DatabasePrefix"] = PostgresPrefix;
        return PostgresPrefix;
    }

    /// <summary>Every log entry the host writes at or above the configured levels (<c>Logging:LogLevel:Default</c> is Warning).</summary>
    public CapturedLogs Logs { get; } = new();

    /// <summary>Configuration applied on top of appsettings (set before the first client is created).</summary>
    public Dictionary<string, string?> Settings { get; } = new(StringComparer.OrdinalIgnoreCase);

    /// <summary>
    /// Serves the host on a real Kestrel socket (free loopback port) instead of the in-memory
    /// test server, for behaviour only a real server has (body size limits, client addresses).
    /// </summary>
    /// <returns>The base address to send requests to.</returns>
    public Uri StartKestrel()
    {
        UseKestrel(o => o.Listen(IPAddress.Loopback, 0));
        StartServer();
        var addresses = Services.GetRequiredService<IServer>().Features.GetRequiredFeature<IServerAddressesFeature>();
        return new Uri(addresses.Addresses.Single());
    }

    /// <inheritdoc />
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Production");
        builder.ConfigureServices(s => s.AddSingleton<Microsoft.Extensions.Logging.ILoggerProvider>(Logs));
        if (StartFromMigratedTemplates)
        {
            // First of the hosted services, so the copies exist before the migrator's turn.
            builder.ConfigureServices(s => s.Insert(0, ServiceDescriptor.Singleton<IHostedService>(sp => new MigratedTemplateStart(sp))));
        }

        foreach (var (key, value) in Settings)
        {
            builder.UseSetting(key, value);
        }
    }

    /// <inheritdoc />
    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        GC.SuppressFinalize(this);
        if (!OwnsData)
        {
            return;
        }

        if (PostgresPrefix is not null)
        {
            await TestInfrastructure.DropPostgresDatabasesAsync(PostgresPrefix);
        }

        try
        {
            Directory.Delete(DataDirectory, recursive: true);
        }
        catch (IOException)
        {
            // SQLite may still hold the file briefly; the temp folder is cleaned by the OS.
        }
    }
}
