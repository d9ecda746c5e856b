using System.Net;

namespace Mercato.Testing;

/// <summary>Orders placed the way a shopper places them: a new product in the cart, then checkout.</summary>
public static class OrderApi
{
    /// <summary>
    /// Places an order of two units of a new product at 25.00 named <paramref name="productName"/>
    /// (created with <paramref name="adminToken"/>) as the customer <paramref name="token"/>;
    /// expects 201 and answers its id, number and total.
    /// </summary>
    public static async Task<(Guid Id, string Number, decimal Total)> PlaceOrderAsync(
        this HttpClient client, string token, string adminToken, string productName = "Wireless Headphones")
    {
        var product = await client.CreateProductAsync(adminToken, 25.00m, 100, name: productName + " " + ShopApi.Unique());
        await client.AddToCartAsync(product, 2, token);
        using var response = await client.CallAsync(HttpMethod.Post, "/api/v1/orders", token, new
        {
            shippingAddress = new { street = "12 Analytical Row", city = "London", state = "LDN", zipCode = "NW1 6XE", country = "GB" },
        });
        await response.ExpectAsync(HttpStatusCode.Created);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        return (data.GetProperty("id").GetGuid(), data.GetProperty("orderNumber").GetString()!, data.GetProperty("total").GetDecimal());
    }
}
