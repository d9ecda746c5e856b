using System.Net;
using System.Text.Json;
using Mercato.Testing;
using Mercato.Web.Tests.Support;
using Microsoft.Playwright;

namespace Mercato.Web.Tests.Storefront;

/// <summary>What the storefront tests set up through the API and read back from it.</summary>
internal static class StorefrontShop
{
    /// <summary>The shopper's password in the storefront tests (the account policy's rules).</summary>
    public const string Password = "Shopper-Passw0rd!";

    /// <summary>Creates a published product in a new category, its picture served by the shop itself; returns its id, slug and category slug.</summary>
    public static async Task<(Guid Id, string Slug, string CategorySlug)> CreateProductAsync(
        WebShop shop, string token, string name, decimal price, int stock, decimal? compareAtPrice = null)
    {
        var categoryId = await shop.Api.CreateCategoryAsync(token);
        var sku = "WEB-" + ShopApi.Unique().ToUpperInvariant();
        using var response = await shop.Api.CallAsync(HttpMethod.Post, "/api/v1/products", token, new
        {
            name,
            sku,
            description = "A test product of the storefront tests.",
            price,
            compareAtPrice,
            categoryId,
            stock,
            attributes = new[] { new { name = "Color", value = "Amber" } },
            images = new[] { new { url = $"{shop.Url}/api/v1/catalog/media/products/{sku}.svg", alt = name, isPrimary = true } },
        });
        await response.ExpectAsync(HttpStatusCode.Created);
        var data = (await response.ReadJsonAsync()).GetProperty("data");
        return (data.GetProperty("id").GetGuid(), data.GetProperty("slug").GetString()!, data.GetProperty("category").GetProperty("slug").GetString()!);
    }

    /// <summary>Waits until the search index finds <paramref name="word"/> (the index follows the catalog within moments).</summary>
    public static Task SearchableAsync(WebShop shop, string word) => Eventually.HoldsAsync(
        async () =>
        {
            using var response = await shop.Api.GetAsync(new Uri($"/api/v1/products/search?q={Uri.EscapeDataString(word)}", UriKind.Relative));
            return response.IsSuccessStatusCode && (await WebShop.DataAsync(response)).GetProperty("totalCount").GetInt64() > 0;
        },
        $"the search finds '{word}'");

    /// <summary>The guest cart key the browser holds (its HttpOnly cookie), or null.</summary>
    public static async Task<string?> GuestCartKeyAsync(IPage page) =>
        (await page.Context.CookiesAsync()).FirstOrDefault(c => c.Name == "mercato_cart")?.Value;

    /// <summary>The guest's cart through the API (an empty cart when the browser holds no key).</summary>
    public static async Task<JsonElement> GuestCartAsync(WebShop shop, IPage page)
    {
        var key = await GuestCartKeyAsync(page);
        return await shop.Api.GetCartAsync(cartKey: key);
    }
}
