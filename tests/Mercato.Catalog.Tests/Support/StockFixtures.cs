using System.Net;
using System.Security.Cryptography;
using System.Text;
using Mercato.Catalog.Categories;
using Mercato.Catalog.Data;
using Mercato.Catalog.Products;
using Mercato.Catalog.Stock;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Catalog.Tests.Support;

/// <summary>
/// Catalog hosts for the stock and client tests: two service clients are configured, <c>orders</c>
/// with the <c>catalog.stock</c> and <c>catalog.read</c> scopes and <c>reports</c> with neither.
/// </summary>
public class StockFactory : CatalogFactory
{
    /// <summary>The client allowed to reserve stock.</summary>
    public const string OrdersClient = "orders";

    /// <summary>A client without the stock scope.</summary>
    public const string ReportsClient = "reports";

    /// <summary>Both clients' secret (only its hash is configured).</summary>
    public const string Secret = "stock-test-secret-4Kq9";

    /// <summary>Creates a host on SQLite.</summary>
    public StockFactory()
        : this(postgres: false)
    {
    }

    /// <summary>Creates a host on SQLite or PostgreSQL.</summary>
    protected StockFactory(bool postgres)
        : base(postgres)
    {
        var hash = Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(Secret)));
        Settings[$"Identity:Clients:{OrdersClient}:SecretHash"] = hash;
        Settings[$"Identity:Clients:{OrdersClient}:Scopes:0"] = "catalog.stock";
        Settings[$"Identity:Clients:{OrdersClient}:Scopes:1"] = "catalog.read";
        Settings[$"Identity:Clients:{ReportsClient}:SecretHash"] = hash;
        Settings[$"Identity:Clients:{ReportsClient}:Scopes:0"] = "catalog.reports";
    }
}

/// <summary>The stock hosts on PostgreSQL.</summary>
public sealed class PostgresStockFactory() : StockFactory(postgres: true);

/// <summary>Products with known stock, written straight to the Catalog's database, and service tokens.</summary>
internal static class StockFixtures
{
    /// <summary>Creates a product with <paramref name="onHand"/> units (and its initial ledger entry); returns its id.</summary>
    public static async Task<Guid> ProductAsync(this CatalogFactory factory, int onHand, bool available = true, bool deleted = false)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var now = factory.Clock.GetUtcNow().UtcDateTime;
        var suffix = Guid.NewGuid().ToString("N");
        var category = new Category { Id = Guid.CreateVersion7(), Name = "Stock " + suffix[..8], Slug = "stock-" + suffix, CreatedAt = now, UpdatedAt = now };
        var product = new Product
        {
            Id = Guid.CreateVersion7(),
            Name = "Widget " + suffix[..8],
            Slug = "widget-" + suffix,
            Sku = "SKU-" + suffix[..16],
            Description = "A widget",
            Price = 9.99m,
            CategoryId = category.Id,
            OnHand = onHand,
            Available = available,
            IsDeleted = deleted,
            Version = 1,
            CreatedAt = now,
            UpdatedAt = now,
        };
        db.Categories.Add(category);
        db.Products.Add(product);
        db.StockLedger.Add(new StockLedgerEntry
        {
            Id = Guid.CreateVersion7(),
            ProductId = product.Id,
            Kind = StockChangeKind.Initial,
            OnHandChange = onHand,
            OnHandAfter = onHand,
            Reason = "created",
            CreatedAt = now,
        });
        await db.SaveChangesAsync();
        return product.Id;
    }

    /// <summary>The product's stored figures.</summary>
    public static async Task<(int OnHand, int Reserved)> StockOfAsync(this CatalogFactory factory, Guid productId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        var p = await db.Products.AsNoTracking().SingleAsync(p => p.Id == productId);
        return (p.OnHand, p.Reserved);
    }

    /// <summary>The product's ledger, oldest first by kind of entry as stored.</summary>
    public static async Task<List<StockLedgerEntry>> LedgerOfAsync(this CatalogFactory factory, Guid productId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        return await db.StockLedger.AsNoTracking().Where(l => l.ProductId == productId).ToListAsync();
    }

    /// <summary>The order's stored reservation lines.</summary>
    public static async Task<List<Reservation>> ReservationsOfAsync(this CatalogFactory factory, Guid orderId)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<CatalogDbContext>();
        return await db.Reservations.AsNoTracking().Where(r => r.OrderId == orderId).ToListAsync();
    }

    /// <summary>Asserts the ledger adds up to the product's current figures and that they keep 0 &lt;= reserved &lt;= on hand.</summary>
    public static async Task AssertLedgerAddsUpAsync(this CatalogFactory factory, Guid productId)
    {
        var (onHand, reserved) = await factory.StockOfAsync(productId);
        var ledger = await factory.LedgerOfAsync(productId);
        Assert.Equal(onHand, ledger.Sum(l => l.OnHandChange));
        Assert.Equal(reserved, ledger.Sum(l => l.ReservedChange));
        Assert.InRange(reserved, 0, onHand);
    }

    /// <summary>A client-credentials token of <paramref name="clientId"/>.</summary>
    public static async Task<string> ServiceTokenAsync(this HttpClient client, string clientId = StockFactory.OrdersClient)
    {
        using var content = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = StockFactory.Secret,
        });
        using var response = await client.PostAsync(new Uri("/api/v1/auth/token", UriKind.Relative), content);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("access_token").GetString()!;
    }

    /// <summary>Reserves through the API and asserts 201.</summary>
    public static async Task ReserveAsync(this HttpClient client, string token, Guid orderId, params (Guid ProductId, int Quantity)[] lines)
    {
        using var response = await client.SendAsync(HttpMethod.Post, "/api/v1/catalog/reservations", token, Reserve(orderId, lines));
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
    }

    /// <summary>Reservation request body.</summary>
    public static object Reserve(Guid orderId, params (Guid ProductId, int Quantity)[] lines)
        => new { orderId, lines = lines.Select(l => new { productId = l.ProductId, quantity = l.Quantity }).ToArray() };
}
