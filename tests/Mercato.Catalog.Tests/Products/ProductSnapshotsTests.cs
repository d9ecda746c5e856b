using System.Net;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;

namespace Mercato.Catalog.Tests.Products;

/// <summary><c>POST /api/v1/catalog/products/snapshots</c>, the service-only read behind the HTTP catalog client, on one provider.</summary>
public abstract class ProductSnapshotsTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : StockFactory
{
    private const string Url = "/api/v1/catalog/products/snapshots";
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_service_with_the_read_scope_gets_snapshots_in_request_order_with_deleted_products_unavailable()
    {
        var token = await _client.ServiceTokenAsync();
        var category = await factory.AddCategoryAsync("Snapshots");
        var listed = await factory.InsertProductAsync(category.Id, price: 24.50m, configure: p =>
        {
            p.CompareAtPrice = 30m;
            p.OnHand = 8;
            p.Images = [new() { Url = "https://img.example/other.png" }, new() { Url = "https://img.example/main.png", IsPrimary = true }];
        });
        var deleted = await factory.InsertProductAsync(category.Id, deleted: true);

        using var response = await _client.SendAsync(HttpMethod.Post, Url, token, new { ids = new[] { deleted.Id, Guid.NewGuid(), listed.Id, deleted.Id } });

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var items = (await response.ReadJsonAsync()).GetProperty("data").EnumerateArray().ToList();
        Assert.Equal([deleted.Id, listed.Id], items.Select(i => i.GetProperty("id").GetGuid()));
        var item = items[1];
        Assert.Equal(
            (listed.Name, listed.Sku, listed.Slug, 24.50m, 30m, "https://img.example/main.png", category.Id, 8, true),
            (item.GetProperty("name").GetString(), item.GetProperty("sku").GetString(), item.GetProperty("slug").GetString(),
                item.GetProperty("price").GetDecimal(), item.GetProperty("compareAtPrice").GetDecimal(), item.GetProperty("imageUrl").GetString(),
                item.GetProperty("categoryId").GetGuid(), item.GetProperty("availableStock").GetInt32(), item.GetProperty("available").GetBoolean()));
        Assert.Equal((0, false), (items[0].GetProperty("availableStock").GetInt32(), items[0].GetProperty("available").GetBoolean()));
    }

    [Fact]
    public async Task An_empty_list_too_many_ids_a_malformed_id_or_no_body_is_refused_with_400_naming_ids()
    {
        var token = await _client.ServiceTokenAsync();

        using var empty = await _client.SendAsync(HttpMethod.Post, Url, token, new { ids = Array.Empty<Guid>() });
        Assert.Equal(HttpStatusCode.BadRequest, empty.StatusCode);
        Assert.Equal(["ids"], (await empty.ReadErrorAsync()).ErrorFields());

        using var many = await _client.SendAsync(HttpMethod.Post, Url, token, new { ids = Enumerable.Range(0, 101).Select(_ => Guid.NewGuid()).ToArray() });
        Assert.Equal(HttpStatusCode.BadRequest, many.StatusCode);
        Assert.Equal(["ids"], (await many.ReadErrorAsync()).ErrorFields());

        using var missing = await _client.SendAsync(HttpMethod.Post, Url, token, new { });
        Assert.Equal(HttpStatusCode.BadRequest, missing.StatusCode);
        Assert.Equal(["ids"], (await missing.ReadErrorAsync()).ErrorFields());

        using var malformed = await _client.SendAsync(HttpMethod.Post, Url, token, new { ids = new[] { "not-a-guid" } });
        Assert.Equal(HttpStatusCode.BadRequest, malformed.StatusCode);
        await malformed.ReadErrorAsync();
    }

    [Fact]
    public async Task Anonymous_callers_get_401_and_users_or_services_without_the_read_scope_get_403()
    {
        var ids = new { ids = new[] { Guid.NewGuid() } };

        using var anonymous = await _client.SendAsync(HttpMethod.Post, Url, null, ids);
        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(["UNAUTHORIZED"], (await anonymous.ReadErrorAsync()).ErrorCodes());

        var reports = await _client.ServiceTokenAsync(StockFactory.ReportsClient);
        var (_, customer) = await Tokens.CustomerAsync(_client);
        var admin = await Tokens.AdminAsync(_client);
        foreach (var token in new[] { reports, customer, admin })
        {
            using var refused = await _client.SendAsync(HttpMethod.Post, Url, token, ids);
            Assert.Equal(HttpStatusCode.Forbidden, refused.StatusCode);
            Assert.Equal(["FORBIDDEN"], (await refused.ReadErrorAsync()).ErrorCodes());
        }
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteProductSnapshotsTests(StockFactory factory) : ProductSnapshotsTests<StockFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresProductSnapshotsTests(PostgresStockFactory factory) : ProductSnapshotsTests<PostgresStockFactory>(factory);
