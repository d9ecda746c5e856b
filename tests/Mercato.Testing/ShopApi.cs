using System.Net;
using System.Text.Json;

namespace Mercato.Testing;

/// <summary>
/// A shop built the way a client builds it: categories and products through the Catalog's admin
/// API, carts through the Cart's API. Shared by every test project that needs products or carts.
/// </summary>
public static class ShopApi
{
    /// <summary>The header a guest sends its cart key in.</summary>
    public const string CartKeyHeader = Mercato.Platform.Http.CartKeyHeader.Name;

    /// <summary>A short unique suffix for names, slugs, SKUs and codes.</summary>
    public static string Unique() => Guid.NewGuid().ToString("N")[..12];

    /// <summary>Creates a category; returns its id.</summary>
    public static async Task<Guid> CreateCategoryAsync(this HttpClient client, string adminToken)
    {
        using var response = await client.CallAsync(HttpMethod.Post, "/api/v1/categories", adminToken, new { name = "Category " + Unique() });
        await response.ExpectAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid();
    }

    /// <summary>Creates a product with a picture (in a new category unless given); returns its id.</summary>
    public static async Task<Guid> CreateProductAsync(
        this HttpClient client, string adminToken, decimal price, int stock = 100, Guid? categoryId = null, decimal? compareAtPrice = null, string? name = null)
    {
        var category = categoryId ?? await client.CreateCategoryAsync(adminToken);
        var suffix = Unique();
        using var response = await client.CallAsync(HttpMethod.Post, "/api/v1/products", adminToken, new
        {
            name = name ?? "Product " + suffix,
            sku = "SKU-" + suffix,
            description = "Made by a test",
            price,
            compareAtPrice,
            categoryId = category,
            stock,
            images = new[] { new { url = $"https://shop.example/media/{suffix}.jpg", alt = "picture", isPrimary = true } },
        });
        await response.ExpectAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("data").GetProperty("id").GetGuid();
    }

    /// <summary>Headers carrying a guest's cart key (none for null).</summary>
    public static Dictionary<string, string> CartKey(string? cartKey)
        => cartKey is null ? new() : new() { [CartKeyHeader] = cartKey };

    /// <summary>Adds a product to the cart of a user (token) or guest (key, or a new guest cart); expects 201 and returns the line.</summary>
    public static async Task<JsonElement> AddToCartAsync(this HttpClient client, Guid productId, int quantity, string? token = null, string? cartKey = null)
    {
        using var response = await client.CallAsync(HttpMethod.Post, "/api/v1/cart/items", token, new { productId, quantity }, CartKey(cartKey));
        await response.ExpectAsync(HttpStatusCode.Created);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }

    /// <summary>The cart of a user (token) or guest (key); expects 200 and returns it.</summary>
    public static async Task<JsonElement> GetCartAsync(this HttpClient client, string? token = null, string? cartKey = null)
    {
        using var response = await client.CallAsync(HttpMethod.Get, "/api/v1/cart", token, headers: CartKey(cartKey));
        await response.ExpectAsync(HttpStatusCode.OK);
        return (await response.ReadJsonAsync()).GetProperty("data");
    }
}
