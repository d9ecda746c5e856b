using Mercato.Testing;
using Npgsql;

namespace Mercato.EndToEnd.Tests.Support;

/// <summary>
/// Distributed mode: Identity, Catalog, Cart, Ordering, Payments, Notifications, Support, Webhooks and Logs as nine <c>Mercato.Server --services</c>
/// processes, each on a PostgreSQL database of its own, exchanging events over RabbitMQ (an
/// exchange and queues of their own), and <c>Mercato.Server --services gateway</c> in front as the
/// one public <c>/api/v1</c>. Service-to-service calls use client credentials from Identity:
/// Cart reads the Catalog (<c>catalog.read</c>); Ordering reads and reserves stock
/// (<c>catalog.read</c>, <c>catalog.stock</c>), checks out carts (<c>cart.checkout</c>) and copies
/// customers' saved addresses (<c>identity.addresses</c>); Payments reads orders
/// (<c>ordering.read</c>) and revives late-paid ones (<c>ordering.payments</c>);
/// Notifications reads the orders it writes mails about (<c>ordering.read</c>) and sends them to the test SMTP server;
/// Support checks that a conversation's order is the customer's own (<c>ordering.read</c>); every
/// service but Identity and Logs ships its logs to the Logs service over HTTP (<c>logs.write</c>).
/// </summary>
public sealed class DistributedShop : ShopDeployment
{
    /// <summary>The Cart's own client.</summary>
    public const string CartClient = "cart-service";

    /// <summary>Ordering's own client.</summary>
    public const string OrderingClient = "ordering-service";

    /// <summary>The Notifications' own client.</summary>
    public const string NotificationsClient = "notifications-service";

    /// <summary>Support's own client.</summary>
    public const string SupportClient = "support-service";

    /// <summary>Catalog's own client (it calls no neighbour; it ships its logs).</summary>
    public const string CatalogClient = "catalog-service";

    /// <summary>Webhooks' own client (it ships its logs).</summary>
    public const string WebhooksClient = "webhooks-service";

    /// <summary>The scope that lets a service ship its logs to the Logs service.</summary>
    private const string LogsWrite = "logs.write";

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

        var identity = new Dictionary<string, string?>(shared, StringComparer.OrdinalIgnoreCase);
        AddServiceClient(identity, CartClient, "catalog.read", LogsWrite);
        AddServiceClient(identity, OrderingClient, "catalog.read", "catalog.stock", "cart.checkout", "identity.addresses", LogsWrite);
        AddServiceClient(identity, PaymentsClient, "ordering.read", "ordering.payments", LogsWrite);
        AddServiceClient(identity, NotificationsClient, "ordering.read", LogsWrite);
        AddServiceClient(identity, SupportClient, "ordering.read", LogsWrite);
        AddServiceClient(identity, CatalogClient, LogsWrite);
        AddServiceClient(identity, WebhooksClient, LogsWrite);

        var catalog = WithServiceClient(shared, CatalogClient, Url("identity"), LogsWrite);
        var cart = WithServiceClient(shared, CartClient, Url("identity"), "catalog.read", LogsWrite);
        var ordering = WithServiceClient(shared, OrderingClient, Url("identity"), "catalog.read", "catalog.stock", "cart.checkout", "identity.addresses", LogsWrite);
        var payments = WithServiceClient(shared, PaymentsClient, Url("identity"), "ordering.read", "ordering.payments", LogsWrite);
        var notifications = WithServiceClient(shared, NotificationsClient, Url("identity"), "ordering.read", LogsWrite);
        var support = WithServiceClient(shared, SupportClient, Url("identity"), "ordering.read", LogsWrite);
        var webhooks = WithServiceClient(shared, WebhooksClient, Url("identity"), LogsWrite);

        // The nine services migrate their own databases at the same time.
        await Task.WhenAll(
            StartServiceAsync("identity", identity, urls["identity"]),
            StartServiceAsync("catalog", catalog, urls["catalog"]),
            StartServiceAsync("cart", cart, urls["cart"]),
            StartServiceAsync("ordering", ordering, urls["ordering"]),
            StartServiceAsync("payments", payments, urls["payments"]),
            StartServiceAsync("notifications", notifications, urls["notifications"]),
            StartServiceAsync("support", support, urls["support"]),
            StartServiceAsync("webhooks", webhooks, urls["webhooks"]),
            StartServiceAsync("logs", shared, urls["logs"]));

        var gateway = new Dictionary<string, string?>(shared, StringComparer.OrdinalIgnoreCase);
        foreach (var service in new[] { "identity", "catalog", "cart", "ordering", "payments", "notifications", "support", "webhooks", "logs" })
        {
            gateway[$"Services:{service}:Url"] = Url(service);
        }

        var process = Track("gateway", await MercatoProcess.StartAsync(
            RepoPaths.ServerDll, gateway, Workspace.Folder("gateway"), ["--services", "gateway"], urls["gateway"], waitUntilLive: false));
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

    private static Dictionary<string, string?> WithServiceClient(
        Dictionary<string, string?> shared, string clientId, string identityUrl, params string[] scopes)
    {
        var settings = new Dictionary<string, string?>(shared, StringComparer.OrdinalIgnoreCase)
        {
            ["Auth:ServiceClient:ClientId"] = clientId,
            ["Auth:ServiceClient:ClientSecret"] = ClientSecret,
            ["Auth:ServiceClient:TokenEndpoint"] = identityUrl + "/api/v1/auth/token",
        };
        for (var i = 0; i < scopes.Length; i++)
        {
            settings[$"Auth:ServiceClient:Scopes:{i}"] = scopes[i];
        }

        return settings;
    }
}
