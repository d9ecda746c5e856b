using System.Net;
using System.Text.Json;
using Mercato.Catalog.Tests.Support;
using Mercato.Testing;

namespace Mercato.Catalog.Tests.Products;

/// <summary>
/// Seed 004's partial <c>PUT /api/v1/products/{id}</c> (<c>name</c>, <c>price</c>, <c>stock</c>) on
/// one provider: only the fields sent change, <c>stock</c> goes through the ledger and never below
/// the reserved units, and a refused change leaves everything as it was.
/// </summary>
public abstract class PartialPutTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : StockFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task Seed_004s_body_changes_name_price_and_stock_only_with_a_ledger_entry_and_an_event()
    {
        var admin = await Tokens.AdminAsync(_client);
        var id = await factory.ProductAsync(onHand: 40);
        var before = (await factory.StoredProductAsync(id))!;

        using var response = await _client.CallAsync(HttpMethod.Put, $"/api/v1/products/{id}", admin, new { name = "Updated Product Name", price = 279.99m, stock = 75 });

        await response.ExpectAsync(HttpStatusCode.OK);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        Assert.Equal(("Updated Product Name", 279.99m, 75), (data.GetProperty("name").GetString(), data.GetProperty("price").GetDecimal(), data.GetProperty("stock").GetInt32()));
        var after = (await factory.StoredProductAsync(id))!;
        Assert.Equal((before.Sku, before.Slug, before.Description, before.CategoryId, before.Tags.Count), (after.Sku, after.Slug, after.Description, after.CategoryId, after.Tags.Count));
        Assert.Equal((75, 0), (after.OnHand, after.Reserved));
        var entry = Assert.Single((await _client.LedgerAsync(admin, id)).OfKind("set"));
        Assert.Equal((35, 75), (entry.GetProperty("onHandChange").GetInt32(), entry.GetProperty("onHandAfter").GetInt32()));
        Assert.False(string.IsNullOrEmpty(entry.GetProperty("actor").GetString()));
        var updated = Assert.Single(await factory.ProductEventsAsync("catalog.product-updated.v1", id));
        using var payload = JsonDocument.Parse(updated.Payload);
        Assert.Equal((279.99m, before.Price), (payload.RootElement.GetProperty("price").GetDecimal(), payload.RootElement.GetProperty("previousPrice").GetDecimal()));
        await factory.AssertLedgerAddsUpAsync(id);
    }

    [Fact]
    public async Task Only_the_price_changes_when_only_the_price_is_sent_and_no_ledger_entry_is_written()
    {
        var admin = await Tokens.AdminAsync(_client);
        var id = await factory.ProductAsync(onHand: 10);
        var before = (await factory.StoredProductAsync(id))!;
        var entries = (await _client.LedgerAsync(admin, id)).Count;

        using var response = await _client.CallAsync(HttpMethod.Put, $"/api/v1/products/{id}", admin, new { price = 9.5m });

        await response.ExpectAsync(HttpStatusCode.OK);
        var after = (await factory.StoredProductAsync(id))!;
        Assert.Equal((9.5m, before.Name, before.OnHand, before.Version + 1), (after.Price, after.Name, after.OnHand, after.Version));
        Assert.Equal(entries, (await _client.LedgerAsync(admin, id)).Count);
    }

    [Fact]
    public async Task Stock_below_the_reserved_units_answers_409_and_changes_nothing()
    {
        var admin = await Tokens.AdminAsync(_client);
        var id = await factory.ProductAsync(onHand: 10);
        await _client.ReserveAsync(await _client.ServiceTokenAsync(), Guid.NewGuid(), (id, 6));
        var before = (await factory.StoredProductAsync(id))!;
        var entries = (await _client.LedgerAsync(admin, id)).Count;

        using var response = await _client.CallAsync(HttpMethod.Put, $"/api/v1/products/{id}", admin, new { name = "Should not stick", stock = 5 });

        Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
        var error = await response.ReadErrorAsync();
        Assert.Equal(["CONFLICT"], error.ErrorCodes());
        Assert.Equal(["stock"], error.ErrorFields());
        var after = (await factory.StoredProductAsync(id))!;
        Assert.Equal((before.Name, 10, 6, before.Version), (after.Name, after.OnHand, after.Reserved, after.Version));
        Assert.Equal(entries, (await _client.LedgerAsync(admin, id)).Count);
        Assert.Empty(await factory.ProductEventsAsync("catalog.product-updated.v1", id));

        using var atReserved = await _client.CallAsync(HttpMethod.Put, $"/api/v1/products/{id}", admin, new { stock = 6 });
        await atReserved.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal((6, 6), ((await factory.StoredProductAsync(id))!.OnHand, (await factory.StoredProductAsync(id))!.Reserved));
    }

    [Fact]
    public async Task A_product_change_refused_after_the_stock_rolls_the_stock_back()
    {
        var admin = await Tokens.AdminAsync(_client);
        var id = await factory.ProductAsync(onHand: 10);
        var entries = (await _client.LedgerAsync(admin, id)).Count;

        using var response = await _client.CallAsync(HttpMethod.Put, $"/api/v1/products/{id}", admin, new { categoryId = Guid.NewGuid(), stock = 30 });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal(["categoryId"], (await response.ReadErrorAsync()).ErrorFields());
        Assert.Equal(10, (await factory.StoredProductAsync(id))!.OnHand);
        Assert.Equal(entries, (await _client.LedgerAsync(admin, id)).Count);
    }

    [Theory]
    [InlineData("""{"stock":-1}""", "stock")]
    [InlineData("""{"stock":1000001}""", "stock")]
    [InlineData("""{"price":0}""", "price")]
    [InlineData("""{"name":""}""", "name")]
    [InlineData("""{"stock":"many"}""", "stock")]
    public async Task Bad_values_answer_400_naming_the_field_and_change_nothing(string body, string field)
    {
        var admin = await Tokens.AdminAsync(_client);
        var id = await factory.ProductAsync(onHand: 10);
        var before = (await factory.StoredProductAsync(id))!;

        using var request = new HttpRequestMessage(HttpMethod.Put, $"/api/v1/products/{id}")
        {
            Content = new StringContent(body, System.Text.Encoding.UTF8, "application/json"),
        };
        request.Headers.Authorization = new System.Net.Http.Headers.AuthenticationHeaderValue("Bearer", admin);
        using var response = await _client.SendAsync(request);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields());
        var after = (await factory.StoredProductAsync(id))!;
        Assert.Equal((before.Name, before.Price, before.OnHand, before.Version), (after.Name, after.Price, after.OnHand, after.Version));
    }

    [Fact]
    public async Task Customers_get_403_anonymous_callers_401_and_nothing_changes()
    {
        var id = await factory.ProductAsync(onHand: 10);
        var (_, customer) = await Tokens.CustomerAsync(_client);

        using var anonymous = await _client.CallAsync(HttpMethod.Put, $"/api/v1/products/{id}", null, new { stock = 99 });
        using var forbidden = await _client.CallAsync(HttpMethod.Put, $"/api/v1/products/{id}", customer, new { stock = 99 });

        Assert.Equal(HttpStatusCode.Unauthorized, anonymous.StatusCode);
        Assert.Equal(HttpStatusCode.Forbidden, forbidden.StatusCode);
        Assert.Equal(10, (await factory.StoredProductAsync(id))!.OnHand);
    }

    [Fact]
    public async Task Unknown_products_answer_404_with_or_without_stock()
    {
        var admin = await Tokens.AdminAsync(_client);

        using var withStock = await _client.CallAsync(HttpMethod.Put, $"/api/v1/products/{Guid.NewGuid()}", admin, new { stock = 5 });
        using var without = await _client.CallAsync(HttpMethod.Put, $"/api/v1/products/{Guid.NewGuid()}", admin, new { price = 5m });

        Assert.Equal(HttpStatusCode.NotFound, withStock.StatusCode);
        Assert.Equal(HttpStatusCode.NotFound, without.StatusCode);
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqlitePartialPutTests(StockFactory factory) : PartialPutTests<StockFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresPartialPutTests(PostgresStockFactory factory) : PartialPutTests<PostgresStockFactory>(factory);
