using Mercato.Cart.Tests.Support;
using Mercato.Testing;

namespace Mercato.Cart.Tests.Carts;

/// <summary>Timestamps read back from the database are UTC and written with their <c>Z</c>.</summary>
public abstract class CartTimestampTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : CartFactory
{
    private readonly HttpClient _client = factory.CreateClient();

    [Fact]
    public async Task A_stored_carts_timestamps_come_back_as_utc_ending_in_z()
    {
        var admin = await _client.AdminTokenAsync();
        var product = await _client.ProductAsync(admin, 12.50m);
        var key = (await _client.AddAsync(product, 1)).GetProperty("cartKey").GetString()!;

        // A fresh read: every value below comes from the database, not from the request that wrote it.
        var cart = await _client.CartAsync(cartKey: key);

        var item = Assert.Single(cart.GetProperty("items").EnumerateArray());
        string[] stamps =
        [
            cart.GetProperty("updatedAt").GetString()!,
            item.GetProperty("addedAt").GetString()!,
            item.GetProperty("updatedAt").GetString()!,
        ];
        Assert.All(stamps, stamp => Assert.EndsWith("Z", stamp, StringComparison.Ordinal));
        var stored = await factory.WithCartDbAsync(db => Task.FromResult(db.Carts.Single(c => c.Items.Any(i => i.ProductId == product)).UpdatedAt));
        Assert.Equal(DateTimeKind.Utc, stored.Kind);
        Assert.Equal(stored, DateTime.Parse(stamps[0], System.Globalization.CultureInfo.InvariantCulture, System.Globalization.DateTimeStyles.RoundtripKind));
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteCartTimestampTests(CartFactory factory) : CartTimestampTests<CartFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresCartTimestampTests(PostgresCartFactory factory) : CartTimestampTests<PostgresCartFactory>(factory);
