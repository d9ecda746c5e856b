using System.Net;
using Mercato.Catalog.Tests.Support;
using Mercato.Ordering.Contracts;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Catalog.Tests.OrderEvents;

/// <summary>
/// Ordering's OrderDelivered reaches the Catalog through the real pipeline and makes the
/// customer's reviews of the delivered products verified purchases, recording each product once.
/// </summary>
public abstract class OrderDeliveredTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CatalogFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_delivered_order_makes_the_buyers_reviews_verified_and_a_redelivery_or_second_order_adds_no_record()
    {
        var (buyer, buyerToken) = await Tokens.CustomerAsync(_client, "Grace", "Hopper");
        var (_, strangerToken) = await Tokens.CustomerAsync(_client, "Alan", "Turing");
        var a = (await factory.AddProductAsync()).Id;
        var b = (await factory.AddProductAsync()).Id;
        var notBought = (await factory.AddProductAsync()).Id;

        var delivered = new OrderDelivered(Guid.NewGuid(), "ORD-2026-000101", buyer, [a, b, a]);
        await factory.RelayAsync(delivered);
        await factory.RedeliverAsync(delivered.Id);
        await factory.RelayAsync(new OrderDelivered(Guid.NewGuid(), "ORD-2026-000102", buyer, [b]));

        var records = await factory.WithDbAsync(db => db.Purchases.AsNoTracking().Where(p => p.UserId == buyer).ToListAsync());
        Assert.Equal([a, b], records.Select(r => r.ProductId).Order().ToList());

        Assert.True(await ReviewAsync(a, buyerToken));
        Assert.True(await ReviewAsync(b, buyerToken));
        Assert.False(await ReviewAsync(notBought, buyerToken));
        Assert.False(await ReviewAsync(a, strangerToken));
    }

    [Fact]
    public async Task A_delivered_guest_order_records_nothing()
    {
        var product = (await factory.AddProductAsync()).Id;

        await factory.RelayAsync(new OrderDelivered(Guid.NewGuid(), "ORD-2026-000103", null, [product]));

        Assert.False(await factory.WithDbAsync(db => db.Purchases.AnyAsync(p => p.ProductId == product)));
    }

    /// <summary>Reviews the product through the API and answers its <c>verifiedPurchase</c>.</summary>
    private async Task<bool> ReviewAsync(Guid productId, string token)
    {
        using var response = await _client.SendAsync(
            HttpMethod.Post, $"/api/v1/products/{productId}/reviews", token, new { rating = 5, title = "Great", comment = "Does what it says." });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("verifiedPurchase").GetBoolean();
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteOrderDeliveredTests(CatalogFactory factory) : OrderDeliveredTests<CatalogFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresOrderDeliveredTests(PostgresCatalogFactory factory) : OrderDeliveredTests<PostgresCatalogFactory>(factory);
