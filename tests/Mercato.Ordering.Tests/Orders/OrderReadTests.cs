using System.Net;
using System.Text.Json;
using Mercato.Ordering.Tests.Support;
using Mercato.Testing;

namespace Mercato.Ordering.Tests.Orders;

/// <summary><c>GET /api/v1/orders</c> and <c>GET /api/v1/orders/{id}</c> on one provider: who sees what, filters and paging.</summary>
public abstract class OrderReadTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OrderingFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task The_owner_reads_their_order_with_lines_history_contact_and_payment_state()
    {
        var order = await _client.PlacedOrderAsync(quantity: 3, price: 10.00m);

        var data = await _client.OrderAsync(order.Id, order.Token);

        Assert.Equal((order.Id, order.Number, "pending"), (data.GetProperty("id").GetGuid(), data.GetProperty("orderNumber").GetString(), data.GetProperty("status").GetString()));
        Assert.Equal(order.UserId, data.GetProperty("userId").GetGuid());
        var line = Assert.Single(data.GetProperty("items").EnumerateArray());
        Assert.Equal((order.ProductId, 3, 30.00m), (line.GetProperty("productId").GetGuid(), line.GetProperty("quantity").GetInt32(), line.GetProperty("subtotal").GetDecimal()));
        Assert.Single(data.GetProperty("statusHistory").EnumerateArray());
        Assert.False(data.GetProperty("isPaid").GetBoolean());
        Assert.Equal(JsonValueKind.Null, data.GetProperty("paymentIntent").ValueKind);
        Assert.Equal(order.Email, data.GetProperty("contact").GetProperty("email").GetString());
        Assert.EndsWith("Z", data.GetProperty("createdAt").GetString());
        Assert.EndsWith("Z", data.GetProperty("expiresAt").GetString());
    }

    [Fact]
    public async Task Another_customer_gets_404_an_admin_200_anonymous_401_and_a_service_token_without_a_shopper_role_403()
    {
        var order = await _client.PlacedOrderAsync();
        var (_, _, stranger) = await _client.RegisterCustomerAsync();
        var reports = await _client.ServiceTokenAsync(OrderingFactory.ReportsClient, OrderingFactory.ClientSecret);

        using var asStranger = await _client.GetOrderAsync(order.Id, stranger);
        using var asAdmin = await _client.GetOrderAsync(order.Id, order.AdminToken);
        using var anonymous = await _client.GetOrderAsync(order.Id, null);
        using var asService = await _client.GetOrderAsync(order.Id, reports);
        using var unknown = await _client.GetOrderAsync(Guid.NewGuid(), order.Token);
        using var badId = await _client.CallAsync(HttpMethod.Get, "/api/v1/orders/not-an-id", order.Token);

        await asStranger.ExpectAsync(HttpStatusCode.NotFound);
        Assert.Equal(["NOT_FOUND"], (await asStranger.ReadErrorAsync()).ErrorCodes());
        await asAdmin.ExpectAsync(HttpStatusCode.OK);
        await anonymous.ExpectAsync(HttpStatusCode.Unauthorized);
        await asService.ExpectAsync(HttpStatusCode.Forbidden);
        await unknown.ExpectAsync(HttpStatusCode.NotFound);
        await badId.ExpectAsync(HttpStatusCode.NotFound);
    }

    [Fact]
    public async Task A_guest_reads_and_lists_their_order_with_the_cart_key_it_was_placed_with_and_no_other_key_reaches_it()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 15.00m, stock: 5);
        var (id, cartKey) = await _client.GuestOrderAsync(product);
        var otherKey = await _client.GuestCartAsync(product, 1);

        using var withKey = await _client.GetOrderAsync(id, null, cartKey);
        using var withOtherKey = await _client.GetOrderAsync(id, null, otherKey);
        using var list = await _client.CallAsync(HttpMethod.Get, "/api/v1/orders", headers: ShopApi.CartKey(cartKey));
        using var otherList = await _client.CallAsync(HttpMethod.Get, "/api/v1/orders", headers: ShopApi.CartKey(otherKey));

        await withKey.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal("Zoé", (await withKey.ReadJsonAsync()).GetProperty("data").GetProperty("contact").GetProperty("firstName").GetString());
        await withOtherKey.ExpectAsync(HttpStatusCode.NotFound);
        await list.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(id, Assert.Single((await list.ReadJsonAsync()).GetProperty("data").GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        await otherList.ExpectAsync(HttpStatusCode.OK);
        Assert.Equal(0, (await otherList.ReadJsonAsync()).GetProperty("data").GetProperty("totalCount").GetInt64());
    }

    [Fact]
    public async Task A_customer_lists_only_their_own_orders_newest_first_with_seed_004s_item_fields_and_paging()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 5.00m, stock: 50);
        var (_, _, token) = await _client.RegisterCustomerAsync();
        var numbers = new List<string>();
        for (var i = 1; i <= 3; i++)
        {
            await _client.AddAsync(token, product, i);
            using var response = await _client.PlaceOrderAsync(token, Shop.OrderBody());
            await response.ExpectAsync(HttpStatusCode.Created);
            numbers.Add((await response.ReadJsonAsync()).GetProperty("data").GetProperty("orderNumber").GetString()!);
        }

        await _client.PlacedOrderAsync(); // someone else's

        var page1 = await ListAsync(token, "?pageNumber=1&pageSize=2");
        var page2 = await ListAsync(token, "?pageNumber=2&pageSize=2");

        Assert.Equal((3L, 2, 1, 2), (page1.GetProperty("totalCount").GetInt64(), page1.GetProperty("totalPages").GetInt32(), page1.GetProperty("pageNumber").GetInt32(), page1.GetProperty("pageSize").GetInt32()));
        var items = page1.GetProperty("items").EnumerateArray().Concat(page2.GetProperty("items").EnumerateArray()).ToList();
        Assert.Equal(numbers.AsEnumerable().Reverse(), items.Select(i => i.GetProperty("orderNumber").GetString()));
        var newest = items[0];
        Assert.Equal(("pending", 3, 15.00m * 1.08m), (newest.GetProperty("status").GetString(), newest.GetProperty("itemCount").GetInt32(), newest.GetProperty("total").GetDecimal()));
        Assert.False(newest.GetProperty("isPaid").GetBoolean());
    }

    [Fact]
    public async Task Filters_by_status_and_dates_select_the_matching_orders()
    {
        var order = await _client.PlacedOrderAsync();
        var today = DateTime.UtcNow.ToString("yyyy-MM-dd");
        var tomorrow = DateTime.UtcNow.AddDays(1).ToString("yyyy-MM-dd");
        var yesterday = DateTime.UtcNow.AddDays(-1).ToString("yyyy-MM-dd");

        Assert.Equal(1L, (await ListAsync(order.Token, "?status=pending")).GetProperty("totalCount").GetInt64());
        Assert.Equal(1L, (await ListAsync(order.Token, "?status=PENDING")).GetProperty("totalCount").GetInt64());
        Assert.Equal(0L, (await ListAsync(order.Token, "?status=shipped")).GetProperty("totalCount").GetInt64());
        Assert.Equal(1L, (await ListAsync(order.Token, $"?startDate={today}&endDate={today}")).GetProperty("totalCount").GetInt64());
        Assert.Equal(0L, (await ListAsync(order.Token, $"?startDate={tomorrow}")).GetProperty("totalCount").GetInt64());
        Assert.Equal(0L, (await ListAsync(order.Token, $"?endDate={yesterday}")).GetProperty("totalCount").GetInt64());
    }

    [Fact]
    public async Task An_admin_lists_everyones_orders_and_filters_by_customer()
    {
        var first = await _client.PlacedOrderAsync();
        var second = await _client.PlacedOrderAsync();

        var byUser = await ListAsync(first.AdminToken, $"?userId={first.UserId}");
        var byEmail = await ListAsync(first.AdminToken, $"?email={second.Email.ToUpperInvariant()}");
        var all = await ListAsync(first.AdminToken, "?pageSize=100");

        Assert.Equal(first.Id, Assert.Single(byUser.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.Equal(second.Id, Assert.Single(byEmail.GetProperty("items").EnumerateArray()).GetProperty("id").GetGuid());
        Assert.True(all.GetProperty("totalCount").GetInt64() >= 2);
    }

    [Theory]
    [InlineData("?pageNumber=0", "pageNumber")]
    [InlineData("?pageSize=101", "pageSize")]
    [InlineData("?status=lost", "status")]
    [InlineData("?status=1", "status")]
    [InlineData("?startDate=not-a-date", "startDate")]
    [InlineData("?startDate=2026-05-02&endDate=2026-05-01", "startDate")]
    [InlineData("?userId=00000000-0000-0000-0000-000000000001", "userId")]
    [InlineData("?email=a@example.com", "email")]
    public async Task A_bad_list_query_answers_400_naming_the_parameter(string query, string field)
    {
        var (_, _, token) = await _client.RegisterCustomerAsync();

        using var response = await _client.CallAsync(HttpMethod.Get, "/api/v1/orders" + query, token);

        await response.ExpectAsync(HttpStatusCode.BadRequest);
        Assert.Contains(field, (await response.ReadErrorAsync()).ErrorFields(), StringComparer.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Listing_anonymously_without_a_cart_key_answers_401()
    {
        using var response = await _client.CallAsync(HttpMethod.Get, "/api/v1/orders");

        await response.ExpectAsync(HttpStatusCode.Unauthorized);
    }

    private async Task<JsonElement> ListAsync(string token, string query)
    {
        using var response = await _client.CallAsync(HttpMethod.Get, "/api/v1/orders" + query, token);
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteOrderReadTests(OrderingFactory factory) : OrderReadTests<OrderingFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresOrderReadTests(PostgresOrderingFactory factory) : OrderReadTests<PostgresOrderingFactory>(factory);
