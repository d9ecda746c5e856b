using Mercato.Testing;

namespace Mercato.Server.Tests.OpenApi;

/// <summary>Mercato.Server in memory with Identity, Catalog, Cart and Ordering, on SQLite, for the published documents.</summary>
public class ServerDocumentFactory : ModuleHostFactory<Program>
{
    /// <summary>The administrator's e-mail.</summary>
    public const string AdminEmail = "doc-admin@example.test";

    /// <summary>The administrator's password.</summary>
    public const string AdminPassword = "Doc-Admin-Passw0rd!";

    /// <summary>Creates the host with the default document settings, on SQLite.</summary>
    public ServerDocumentFactory()
        : this(postgres: false)
    {
    }

    /// <summary>Creates the host with the default document settings.</summary>
    /// <param name="postgres">Whether to use PostgreSQL instead of SQLite.</param>
    protected ServerDocumentFactory(bool postgres)
        : base("identity,catalog,cart,ordering", postgres, "mercato_doc")
    {
        Settings["Identity:Password:HashIterations"] = "1000";
        Settings["Catalog:DemoData:Enabled"] = "false";
        Settings["Identity:Admin:Email"] = AdminEmail;
        Settings["Identity:Admin:Password"] = AdminPassword;
    }
}

/// <summary>The same host configured to list service-only endpoints too.</summary>
public sealed class ServiceEndpointsDocumentFactory : ServerDocumentFactory
{
    /// <summary>Creates the host with <c>OpenApi:IncludeServiceEndpoints</c> on.</summary>
    public ServiceEndpointsDocumentFactory() => Settings["OpenApi:IncludeServiceEndpoints"] = "true";
}

/// <summary>The same host on PostgreSQL.</summary>
public sealed class PostgresServerDocumentFactory() : ServerDocumentFactory(postgres: true);
