using Mercato.Platform.Hosting;
using Mercato.Testing;
using Npgsql;

namespace Mercato.EndToEnd.Tests.Support;

/// <summary>
/// Distributed mode: Identity, Catalog, Cart, Ordering, Payments, Notifications, Support, Webhooks and Logs as nine <c>Mercato.Server --services</c>
/// processes, each on a PostgreSQL database of its own, exchanging events over RabbitMQ (an
/// exchange and queues of their own), and <c>Mercato.Server --services gateway</c> in front as the
/// one public <c>/api/v1</c>. Service-to-service calls use client credentials from Identity: each
/// service's client (<c>&lt;name&gt;-service</c>) and its scopes are what the built server's
/// <c>service-clients</c> command prints (<see cref="ServiceClientTable"/>), as for
/// <c>scripts/run-distributed.sh</c> and the deployment files; every service but Logs ships its logs
/// to the Logs service over HTTP (<c>logs.write</c>). Identity also knows the payment provider's
/// client that the flow plays (<see cref="ShopDeployment.PaymentsClient"/>).
/// </summary>
public sealed class DistributedShop : ShopDeployment
{
    private readonly string _name = TestInfrastructure.UniqueName("mercato_e2e");

    private string DatabasePrefix => _name + "_";

    private string Exchange => _name + ".events";

    private string QueuePrefix => _name + ".";

    /// <inheritdoc />
    protected override async Task<HttpClient> StartAsync()
    {
        var urls = new[] { "identity", "catalog", "cart", "ordering", "payments", "notifications", "support", "webhooks", "logs", "gateway" }
            .ToDictionary(n => n, n => FreePort.Next());
        string Url(string service) => $"http://127.0.0.1:{urls[service]}";

        // Every token names the public URL as its issuer; services read Identity's keys directly from it.
        var shared = CommonSettings();
        shared["Auth:Issuer"] = Url("gateway");
        RequireVerifiedEmail(shared);
        shared["Auth:MetadataAddress"] = Url("identity") + "/.well-known/openid-configuration";
        shared["Persistence:Provider"] = "postgres";
        shared["Persistence:Postgres"] = TestInfrastructure.Postgres;
        shared["Persistence:DatabasePrefix"] = DatabasePrefix;
        shared["Messaging:Transport"] = "rabbitmq";
        shared["Messaging:RabbitMq:Uri"] = TestInfrastructure.RabbitMq;
        shared["Messaging:RabbitMq:Exchange"] = Exchange;
        shared["Messaging:RabbitMq:QueuePrefix"] = QueuePrefix;
        shared["Services:Catalog:Url"] = Url("catalog");
        shared["Services:Cart:Url"] = Url("cart");
        shared["Services:Identity:Url"] = Url("identity");
        shared["Services:Ordering:Url"] = Url("ordering");
        // Every service with a service client ships its logs to the Logs service over HTTP (scope logs.write).
        shared["Services:Logs:Url"] = Url("logs");

        // Each service's own client and scopes, and Identity's clients, as the code says.
        var clients = await ServiceClientTable.ReadAsync();
        var identity = new Dictionary<string, string?>(shared, StringComparer.OrdinalIgnoreCase);
        AddServiceClient(identity, PaymentsClient, "ordering.read", "ordering.payments");
        foreach (var client in clients.Where(c => c.ClientId is not null))
        {
            AddServiceClient(identity, client.ClientId!, [.. client.Scopes]);
        }

        Dictionary<string, string?> SettingsOf(string service, Dictionary<string, string?>? settings = null) =>
            WithOwnClient(settings ?? shared, clients.Single(c => c.Service == service), Url("identity"));

        // The nine services migrate their own databases at the same time.
        await Task.WhenAll(
            StartServiceAsync("identity", SettingsOf("identity", identity), urls["identity"]),
            StartServiceAsync("catalog", SettingsOf("catalog"), urls["catalog"]),
            StartServiceAsync("cart", SettingsOf("cart"), urls["cart"]),
            StartServiceAsync("ordering", SettingsOf("ordering"), urls["ordering"]),
            StartServiceAsync("payments", SettingsOf("payments"), urls["payments"]),
            StartServiceAsync("notifications", SettingsOf("notifications"), urls["notifications"]),
            StartServiceAsync("support", SettingsOf("support"), urls["support"]),
            StartServiceAsync("webhooks", SettingsOf("webhooks"), urls["webhooks"]),
            StartServiceAsync("logs", SettingsOf("logs"), urls["logs"]));

        var gateway = new Dictionary<string, string?>(shared, StringComparer.OrdinalIgnoreCase);
        foreach (var service in new[] { "identity", "catalog", "cart", "ordering", "payments", "notifications", "support", "webhooks", "logs" })
        {
            gateway[$"Services:{service}:Url"] = Url(service);
        }

        var process = Track("gateway", await MercatoProcess.StartAsync(
            RepoPaths.ServerDll, SettingsOf("gateway", gateway), Workspace.Folder("gateway"), ["--services", "gateway"], urls["gateway"], waitUntilLive: false));
        await process.WaitUntilLiveAsync(StartupPatience);
        return process.Client;
    }

    /// <inheritdoc />
    public override async Task<bool> HasRecordedPurchaseAsync(Guid userId, Guid productId)
    {
        var catalog = new NpgsqlConnectionStringBuilder(TestInfrastructure.Postgres) { Database = DatabasePrefix + "catalog", Pooling = false };
        await using var connection = new NpgsqlConnection(catalog.ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT COUNT(*) FROM catalog_purchases WHERE \"UserId\" = @user AND \"ProductId\" = @product", connection);
        command.Parameters.AddWithValue("user", userId);
        command.Parameters.AddWithValue("product", productId);
        return (long)(await command.ExecuteScalarAsync())! > 0;
    }

    /// <inheritdoc />
    protected override async Task CleanUpAsync()
    {
        await RabbitMqTopology.DeleteAsync(Exchange, QueuePrefix, "identity", "catalog", "cart", "ordering", "payments", "notifications", "support", "webhooks", "logs");
        await TestInfrastructure.DropPostgresDatabasesAsync(DatabasePrefix);
    }

    private async Task StartServiceAsync(string service, Dictionary<string, string?> settings, int port)
    {
        var process = await MercatoProcess.StartAsync(
            RepoPaths.ServerDll, settings, Workspace.Folder(service), ["--services", service], port, waitUntilLive: false);
        Track(service, process);
        await process.WaitUntilLiveAsync(StartupPatience);
        await WaitUntilReadyAsync(process);
    }

    /// <summary>A copy of <paramref name="settings"/> with the service's own client, when it needs one.</summary>
    private static Dictionary<string, string?> WithOwnClient(Dictionary<string, string?> settings, ServiceClientNeeds client, string identityUrl)
    {
        var own = new Dictionary<string, string?>(settings, StringComparer.OrdinalIgnoreCase);
        if (client.ClientId is null)
        {
            return own;
        }

        own["Auth:ServiceClient:ClientId"] = client.ClientId;
        own["Auth:ServiceClient:ClientSecret"] = ClientSecret;
        own["Auth:ServiceClient:TokenEndpoint"] = identityUrl + "/api/v1/auth/token";
        for (var i = 0; i < client.Scopes.Count; i++)
        {
            own[$"Auth:ServiceClient:Scopes:{i}"] = client.Scopes[i];
        }

        return own;
    }
}
