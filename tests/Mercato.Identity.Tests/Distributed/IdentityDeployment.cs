using Mercato.Identity.Tests.Support;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Distributed;

/// <summary>
/// A distributed deployment in miniature: Identity as its own <c>Mercato.Server</c> process (on
/// SQLite or on a PostgreSQL database of its own), the TestHost (Probe and Audit) as "another
/// module" in a second process that knows nothing but Identity's issuer name and metadata
/// address, and optionally <c>Mercato.Server --services gateway</c> in front of both.
/// </summary>
public abstract class IdentityDeployment : IAsyncLifetime
{
    /// <summary>The configured administrator.</summary>
    public const string AdminEmail = "admin@deployment.test";

    /// <summary>The administrator's password.</summary>
    public const string AdminPassword = "Deploy-Passw0rd!";

    /// <summary>A service client allowed the scope the probe's <c>/service</c> endpoint requires.</summary>
    public const string ProbeClient = "probe-reader";

    /// <summary>A service client allowed only an unrelated scope.</summary>
    public const string OtherClient = "audit-writer";

    /// <summary>The secret of both clients (each stored only as its hash).</summary>
    public const string ClientSecret = "s3rvice-secret-for-tests-only";

    /// <summary>The scope of <c>GET /api/v1/probe/service</c> (see the Probe's DiagnosticsApi).</summary>
    public const string ProbeScope = "probe.read";

    /// <summary>The gateway's rate-limit plans, all different, so its headers show which plan a token earned.</summary>
    public static readonly IReadOnlyDictionary<string, int> GatewayPlanLimits = new Dictionary<string, int>
    {
        ["Guest"] = 901,
        ["Customer"] = 902,
        ["Premium"] = 903,
        ["Admin"] = 904,
        ["Service"] = 905,
    };

    private readonly TempDirectory _workspace = new();
    private readonly bool _gateway;

    /// <summary>Describes the deployment; nothing starts until the fixture is initialised.</summary>
    protected IdentityDeployment(bool postgres, bool gateway)
    {
        _gateway = gateway;
        DatabasePrefix = postgres ? TestInfrastructure.UniqueName("mercato_iddist") + "_" : null;
    }

    /// <summary>Identity's process.</summary>
    public MercatoProcess Identity { get; private set; } = null!;

    /// <summary>The TestHost process that validates Identity's tokens.</summary>
    public MercatoProcess Probe { get; private set; } = null!;

    /// <summary>The gateway process, when the deployment has one.</summary>
    public MercatoProcess? Gateway { get; private set; }

    /// <summary>The issuer every token carries and every validator expects: the public base URL.</summary>
    public string Issuer { get; private set; } = null!;

    /// <summary>Identity's PostgreSQL database prefix, or null on SQLite.</summary>
    public string? DatabasePrefix { get; }

    /// <inheritdoc />
    public async ValueTask InitializeAsync()
    {
        var identityPort = FreePort.Next();
        var identityUrl = $"http://127.0.0.1:{identityPort}";
        var gatewayPort = _gateway ? FreePort.Next() : (int?)null;
        // Clients see the gateway when there is one, so that is the public name of the issuer.
        Issuer = gatewayPort is { } port ? $"http://127.0.0.1:{port}" : identityUrl;

        var identity = IdentityProcesses.IdentitySettings(_workspace.Folder("identity-data"), Issuer);
        identity["Identity:Admin:Email"] = AdminEmail;
        identity["Identity:Admin:Password"] = AdminPassword;
        identity.AddServiceClient(ProbeClient, ClientSecret, ProbeScope);
        identity.AddServiceClient(OtherClient, ClientSecret, "audit.write");
        if (DatabasePrefix is not null)
        {
            identity["Persistence:Provider"] = "postgres";
            identity["Persistence:Postgres"] = TestInfrastructure.Postgres;
            identity["Persistence:DatabasePrefix"] = DatabasePrefix;
        }

        Identity = await IdentityProcesses.StartServerAsync(_workspace.Folder("identity"), identity, identityPort);

        // No key, no secret: only where Identity's discovery document is and the issuer it names.
        var validator = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase)
        {
            ["Auth:Issuer"] = Issuer,
            ["Auth:MetadataAddress"] = identityUrl + "/.well-known/openid-configuration",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };
        var probe = new Dictionary<string, string?>(validator, StringComparer.OrdinalIgnoreCase)
        {
            ["Persistence:DataDirectory"] = _workspace.Folder("probe-data"),
        };
        Probe = await MercatoProcess.StartAsync(RepoPaths.TestHostDll, probe, _workspace.Folder("probe"));

        if (gatewayPort is not null)
        {
            var gateway = new Dictionary<string, string?>(validator, StringComparer.OrdinalIgnoreCase)
            {
                ["Persistence:DataDirectory"] = _workspace.Folder("gateway-data"),
                ["Services:identity:Url"] = identityUrl,
                ["Gateway:Routes:probe:Prefixes:0"] = "/api/v1/probe",
                ["Services:probe:Url"] = Probe.Url,
                // Rate limiting on the gateway shows which plan, hence which validated principal, it saw.
                ["RateLimiting:Enabled"] = "true",
                ["RateLimiting:Store"] = "memory",
            };
            foreach (var (plan, limit) in GatewayPlanLimits)
            {
                gateway[$"RateLimiting:Plans:{plan}:Limit"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
                gateway[$"RateLimiting:Plans:{plan}:Burst"] = limit.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }

            Gateway = await IdentityProcesses.StartServerAsync(
                _workspace.Folder("gateway"), gateway, gatewayPort, arguments: ["--services", "gateway"]);
        }
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        foreach (var process in new[] { Gateway, Probe, Identity })
        {
            if (process is not null)
            {
                await process.DisposeAsync();
            }
        }

        if (DatabasePrefix is not null)
        {
            await TestInfrastructure.DropPostgresDatabasesAsync(DatabasePrefix);
        }

        _workspace.Dispose();
        GC.SuppressFinalize(this);
    }
}

/// <summary>Identity on SQLite and the TestHost, each in its own process.</summary>
public sealed class SqliteIdentityDeployment() : IdentityDeployment(postgres: false, gateway: false);

/// <summary>Identity on PostgreSQL and the TestHost, each in its own process.</summary>
public sealed class PostgresIdentityDeployment() : IdentityDeployment(postgres: true, gateway: false);

/// <summary>Identity on SQLite, the TestHost and the gateway in front of both, each in its own process.</summary>
public sealed class GatewayIdentityDeployment() : IdentityDeployment(postgres: false, gateway: true);
