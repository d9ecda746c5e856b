using Mercato.Testing;
using Microsoft.Data.Sqlite;

namespace Mercato.EndToEnd.Tests.Support;

/// <summary>
/// Embedded mode: one <c>Mercato.Server</c> process hosting every module on SQLite files in its
/// working folder, with in-process events and in-process module clients. Only the payment
/// provider's client is configured: modules in one process need no tokens to talk to each other.
/// </summary>
public sealed class EmbeddedShop : ShopDeployment
{
    /// <inheritdoc />
    protected override async Task<HttpClient> StartAsync()
    {
        var port = FreePort.Next();
        var settings = CommonSettings();
        settings["Auth:Issuer"] = $"http://127.0.0.1:{port}";
        RequireVerifiedEmail(settings);
        AddServiceClient(settings, PaymentsClient, "ordering.read", "ordering.payments");

        var process = await MercatoProcess.StartAsync(RepoPaths.ServerDll, settings, Workspace.Folder("server"), port: port, waitUntilLive: false);
        Track("server", process);
        await process.WaitUntilLiveAsync(StartupPatience);
        await WaitUntilReadyAsync(process);
        return process.Client;
    }

    /// <inheritdoc />
    public override async Task<bool> HasRecordedPurchaseAsync(Guid userId, Guid productId)
    {
        var file = Workspace.Combine("server", "data", "catalog.db");
        await using var connection = new SqliteConnection(new SqliteConnectionStringBuilder
        {
            DataSource = file,
            Mode = SqliteOpenMode.ReadOnly,
            Pooling = false,
        }.ConnectionString);
        await connection.OpenAsync();
        await using var command = connection.CreateCommand();
        // EF Core stores a Guid in SQLite as upper-case text.
        command.CommandText = "SELECT COUNT(*) FROM catalog_purchases WHERE UserId = $user AND ProductId = $product";
        command.Parameters.AddWithValue("$user", userId.ToString().ToUpperInvariant());
        command.Parameters.AddWithValue("$product", productId.ToString().ToUpperInvariant());
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0;
    }
}
