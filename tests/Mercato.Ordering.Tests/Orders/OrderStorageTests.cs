using Mercato.Ordering.Orders;
using Mercato.Ordering.Tests.Support;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Ordering.Tests.Orders;

/// <summary>The migrated Ordering tables keep an order exactly as written, and refuse what no order may be.</summary>
public abstract class OrderStorageTests<TFactory>(TFactory factory) : IClassFixture<TFactory>
    where TFactory : OrderingFactory
{
    [Fact]
    public async Task An_order_reads_back_with_its_lines_history_addresses_and_exact_money()
    {
        var order = NewOrder(userId: Guid.CreateVersion7(), guestKeyHash: null);
        await factory.WithOrderingDbAsync(db => { db.Orders.Add(order); return db.SaveChangesAsync(); });

        var stored = await factory.WithOrderingDbAsync(db => db.Orders.AsNoTracking()
            .Include(o => o.Lines).Include(o => o.StatusHistory).SingleAsync(o => o.Id == order.Id));

        Assert.Equal(order.Number, stored.Number);
        Assert.Equal(order.UserId, stored.UserId);
        Assert.Equal(OrderStatus.Pending, stored.Status);
        Assert.Equal((999.97m, 199.99m, 64.00m, 0m, 863.98m), (stored.Subtotal, stored.Discount, stored.Tax, stored.ShippingCost, stored.Total));
        Assert.Equal("123 Main St", stored.ShippingAddress.Street);
        Assert.Equal("10001", stored.ShippingAddress.ZipCode);
        Assert.Equal("1 Billing Way", stored.BillingAddress.Street);
        var line = Assert.Single(stored.Lines);
        Assert.Equal(("Wireless Headphones", "WH-001", 299.99m, 2, 599.98m), (line.ProductName, line.Sku, line.UnitPrice, line.Quantity, line.LineTotal));
        var created = Assert.Single(stored.StatusHistory);
        Assert.Null(created.From);
        Assert.Equal((OrderStatus.Pending, "Order created"), (created.To, created.Note));
    }

    [Fact]
    public async Task An_order_must_belong_to_exactly_one_user_or_guest()
    {
        foreach (var (userId, keyHash) in new (Guid?, string?)[] { (null, null), (Guid.CreateVersion7(), new string('a', 64)) })
        {
            var order = NewOrder(userId, keyHash);
            await Assert.ThrowsAsync<DbUpdateException>(() =>
                factory.WithOrderingDbAsync(db => { db.Orders.Add(order); return db.SaveChangesAsync(); }));
            Assert.False(await factory.WithOrderingDbAsync(db => db.Orders.AnyAsync(o => o.Id == order.Id)));
        }
    }

    [Fact]
    public async Task Two_orders_cannot_share_a_number()
    {
        var first = NewOrder(null, new string('b', 64));
        var second = NewOrder(null, new string('c', 64));
        second.Number = first.Number;
        await factory.WithOrderingDbAsync(db => { db.Orders.Add(first); return db.SaveChangesAsync(); });

        await Assert.ThrowsAsync<DbUpdateException>(() =>
            factory.WithOrderingDbAsync(db => { db.Orders.Add(second); return db.SaveChangesAsync(); }));
        Assert.False(await factory.WithOrderingDbAsync(db => db.Orders.AnyAsync(o => o.Id == second.Id)));
    }

    private static Order NewOrder(Guid? userId, string? guestKeyHash)
    {
        var id = Guid.CreateVersion7();
        var now = DateTime.UtcNow;
        return new Order
        {
            Id = id,
            Number = "ORD-2099-" + Random.Shared.Next(1, 999_999).ToString("D6", System.Globalization.CultureInfo.InvariantCulture) + id.ToString("N")[..4],
            UserId = userId,
            GuestKeyHash = guestKeyHash,
            ContactEmail = "shopper@ordering.test",
            ShippingAddress = new PostalAddress { Street = "123 Main St", City = "New York", State = "NY", ZipCode = "10001", Country = "USA" },
            BillingAddress = new PostalAddress { Street = "1 Billing Way", City = "New York", State = "NY", ZipCode = "10002", Country = "USA" },
            Status = OrderStatus.Pending,
            Subtotal = 999.97m,
            Discount = 199.99m,
            Tax = 64.00m,
            ShippingCost = 0m,
            Total = 863.98m,
            CreatedAt = now,
            UpdatedAt = now,
            ExpiresAt = now.AddMinutes(30),
            Lines =
            [
                new OrderLine
                {
                    Id = Guid.CreateVersion7(), OrderId = id, ProductId = Guid.CreateVersion7(), ProductName = "Wireless Headphones",
                    Sku = "WH-001", UnitPrice = 299.99m, Quantity = 2, LineTotal = 599.98m,
                },
            ],
            StatusHistory =
            [
                new OrderStatusChange { Id = Guid.CreateVersion7(), OrderId = id, To = OrderStatus.Pending, At = now, Note = "Order created", Actor = "system" },
            ],
        };
    }
}

/// <summary>On SQLite.</summary>
public sealed class SqliteOrderStorageTests(OrderingFactory factory) : OrderStorageTests<OrderingFactory>(factory);

/// <summary>On PostgreSQL.</summary>
public sealed class PostgresOrderStorageTests(PostgresOrderingFactory factory) : OrderStorageTests<PostgresOrderingFactory>(factory);
