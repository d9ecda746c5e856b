using Mercato.Cart.Carts;
using Mercato.Cart.Coupons;
using Mercato.Cart.Data;
using Mercato.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Cart.Tests.Support;

/// <summary>A shop for cart tests: products made through the Catalog's admin API, carts reached through the Cart's API.</summary>
internal static class Shop
{
    /// <summary>A short unique suffix.</summary>
    public static string Unique() => ShopApi.Unique();

    /// <summary>The seeded administrator's access token.</summary>
    public static Task<string> AdminTokenAsync(this HttpClient client) => client.SignInAsync(CartFactory.AdminEmail, CartFactory.AdminPassword);

    /// <summary>Creates a category through the Catalog's API; returns its id.</summary>
    public static Task<Guid> CategoryAsync(this HttpClient client, string adminToken) => client.CreateCategoryAsync(adminToken);

    /// <summary>Creates a product through the Catalog's API; returns its id.</summary>
    public static Task<Guid> ProductAsync(
        this HttpClient client, string adminToken, decimal price, int stock = 100, Guid? categoryId = null, decimal? compareAtPrice = null, string? name = null)
        => client.CreateProductAsync(adminToken, price, stock, categoryId, compareAtPrice, name);

    /// <summary>Headers carrying a guest's cart key.</summary>
    public static Dictionary<string, string> Key(string? cartKey) => ShopApi.CartKey(cartKey);

    /// <summary>Adds a product to the cart of a user (token) or guest (key); expects 201 and returns the line.</summary>
    public static Task<System.Text.Json.JsonElement> AddAsync(this HttpClient client, Guid productId, int quantity, string? token = null, string? cartKey = null)
        => client.AddToCartAsync(productId, quantity, token, cartKey);

    /// <summary>The cart of a user (token) or guest (key); expects 200 and returns it.</summary>
    public static Task<System.Text.Json.JsonElement> CartAsync(this HttpClient client, string? token = null, string? cartKey = null)
        => client.GetCartAsync(token, cartKey);

    /// <summary>Runs <paramref name="work"/> on a fresh context of the host's Cart database.</summary>
    public static async Task<T> WithCartDbAsync<T>(this CartFactory factory, Func<CartDbContext, Task<T>> work)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await work(scope.ServiceProvider.GetRequiredService<CartDbContext>());
    }

    /// <summary>Stores a coupon straight in the Cart database (the admin API has its own tests); returns its code.</summary>
    public static Task<string> CouponAsync(this CartFactory factory, CouponType type, decimal value, Action<Coupon>? configure = null)
        => factory.WithCartDbAsync(async db =>
        {
            var now = factory.Clock.GetUtcNow().UtcDateTime;
            var coupon = new Coupon { Id = Guid.CreateVersion7(), Code = "C" + Unique().ToUpperInvariant(), Type = type, Value = value, CreatedAt = now, UpdatedAt = now };
            configure?.Invoke(coupon);
            db.Coupons.Add(coupon);
            await db.SaveChangesAsync();
            return coupon.Code;
        });

    /// <summary>The stored lines of every cart holding <paramref name="productId"/>.</summary>
    public static Task<List<CartItem>> StoredLinesAsync(this CartFactory factory, Guid productId)
        => factory.WithCartDbAsync(db => db.CartItems.AsNoTracking().Where(i => i.ProductId == productId).ToListAsync());
}
