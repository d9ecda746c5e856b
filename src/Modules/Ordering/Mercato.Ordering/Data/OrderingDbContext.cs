using Mercato.Messaging;
using Mercato.Ordering.Numbers;
using Mercato.Ordering.Orders;
using Mercato.Platform.Idempotency;
using Mercato.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Mercato.Ordering.Data;

/// <summary>The Ordering module's database. Money is stored as whole cents (see <see cref="MoneyColumns"/>).</summary>
internal class OrderingDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Orders.</summary>
    public DbSet<Order> Orders => Set<Order>();

    /// <summary>Order lines.</summary>
    public DbSet<OrderLine> OrderLines => Set<OrderLine>();

    /// <summary>Every status change of every order.</summary>
    public DbSet<OrderStatusChange> OrderStatusChanges => Set<OrderStatusChange>();

    /// <summary>The per-year order number counters.</summary>
    public DbSet<OrderNumberCounter> OrderNumberCounters => Set<OrderNumberCounter>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.UseUtcTimestamps();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Order>(e =>
        {
            e.ToTable("ordering_orders");
            e.HasKey(o => o.Id);
            e.Property(o => o.Number).HasMaxLength(32).IsRequired();
            e.Property(o => o.GuestKeyHash).HasMaxLength(64);
            e.Property(o => o.ContactEmail).HasMaxLength(256).IsRequired();
            e.Property(o => o.FirstName).HasMaxLength(100);
            e.Property(o => o.LastName).HasMaxLength(100);
            e.Property(o => o.Phone).HasMaxLength(32);
            e.OwnsOne(o => o.ShippingAddress, a => MapAddress(a, "Shipping"));
            e.OwnsOne(o => o.BillingAddress, a => MapAddress(a, "Billing"));
            e.Navigation(o => o.ShippingAddress).IsRequired();
            e.Navigation(o => o.BillingAddress).IsRequired();
            e.Property(o => o.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(o => o.Subtotal).HasConversion(MoneyColumns.Cents).HasColumnName("SubtotalCents");
            e.Property(o => o.Discount).HasConversion(MoneyColumns.Cents).HasColumnName("DiscountCents");
            e.Property(o => o.Tax).HasConversion(MoneyColumns.Cents).HasColumnName("TaxCents");
            e.Property(o => o.ShippingCost).HasConversion(MoneyColumns.Cents).HasColumnName("ShippingCostCents");
            e.Property(o => o.Total).HasConversion(MoneyColumns.Cents).HasColumnName("TotalCents");
            e.Property(o => o.CouponCode).HasMaxLength(40);
            e.Property(o => o.Notes).HasMaxLength(1000);
            e.Property(o => o.PaymentIntent).HasMaxLength(200);
            e.Property(o => o.AuthorizedPaymentIntent).HasMaxLength(200);
            e.Property(o => o.Version).IsConcurrencyToken();
            e.HasIndex(o => o.Number).IsUnique();
            e.HasIndex(o => new { o.UserId, o.CreatedAt });
            e.HasIndex(o => o.GuestKeyHash);
            e.HasIndex(o => new { o.Status, o.ExpiresAt });
            e.HasIndex(o => o.CreatedAt);
            e.HasIndex(o => new { o.CartId, o.CartVersion }).IsUnique();
            e.HasMany(o => o.Lines).WithOne().HasForeignKey(l => l.OrderId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(o => o.StatusHistory).WithOne().HasForeignKey(c => c.OrderId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable(t =>
            {
                t.HasCheckConstraint("CK_ordering_orders_owner", "(\"UserId\" IS NULL) <> (\"GuestKeyHash\" IS NULL)");
                t.HasCheckConstraint(
                    "CK_ordering_orders_money",
                    "\"SubtotalCents\" >= 0 AND \"DiscountCents\" >= 0 AND \"TaxCents\" >= 0 AND \"ShippingCostCents\" >= 0 AND \"TotalCents\" >= 0");
            });
        });

        modelBuilder.Entity<OrderLine>(e =>
        {
            e.ToTable("ordering_order_lines");
            e.HasKey(l => l.Id);
            e.Property(l => l.ProductName).HasMaxLength(200).IsRequired();
            e.Property(l => l.Sku).HasMaxLength(64).IsRequired();
            e.Property(l => l.UnitPrice).HasConversion(MoneyColumns.Cents).HasColumnName("UnitPriceCents");
            e.Property(l => l.LineDiscount).HasConversion(MoneyColumns.Cents).HasColumnName("LineDiscountCents");
            e.Property(l => l.LineTotal).HasConversion(MoneyColumns.Cents).HasColumnName("LineTotalCents");
            e.HasIndex(l => new { l.OrderId, l.ProductId }).IsUnique();
            e.HasIndex(l => l.ProductId);
            e.ToTable(t => t.HasCheckConstraint("CK_ordering_order_lines_quantity", "\"Quantity\" > 0"));
        });

        modelBuilder.Entity<OrderStatusChange>(e =>
        {
            e.ToTable("ordering_order_status_changes");
            e.HasKey(c => c.Id);
            e.Property(c => c.From).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.To).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Note).HasMaxLength(500);
            e.Property(c => c.Actor).HasMaxLength(200).IsRequired();
            e.Property(c => c.TrackingNumber).HasMaxLength(100);
            e.Property(c => c.Carrier).HasMaxLength(100);
            e.HasIndex(c => new { c.OrderId, c.At });
        });

        modelBuilder.Entity<OrderNumberCounter>(e =>
        {
            e.ToTable("ordering_order_number_counters");
            e.HasKey(c => c.Year);
            e.Property(c => c.Year).ValueGeneratedNever();
        });

        modelBuilder.AddMessagingTables();
        modelBuilder.AddIdempotencyTables();
    }

    private static void MapAddress(OwnedNavigationBuilder<Order, PostalAddress> address, string prefix)
    {
        address.Property(a => a.Street).HasColumnName(prefix + "Street").HasMaxLength(200).IsRequired();
        address.Property(a => a.City).HasColumnName(prefix + "City").HasMaxLength(100).IsRequired();
        address.Property(a => a.State).HasColumnName(prefix + "State").HasMaxLength(100).IsRequired();
        address.Property(a => a.ZipCode).HasColumnName(prefix + "ZipCode").HasMaxLength(20).IsRequired();
        address.Property(a => a.Country).HasColumnName(prefix + "Country").HasMaxLength(100).IsRequired();
    }
}

/// <summary>The SQLite flavour, which owns the SQLite migrations.</summary>
internal sealed class OrderingSqliteDbContext(DbContextOptions<OrderingSqliteDbContext> options) : OrderingDbContext(options);

/// <summary>The PostgreSQL flavour, which owns the PostgreSQL migrations.</summary>
internal sealed class OrderingPostgresDbContext(DbContextOptions<OrderingPostgresDbContext> options) : OrderingDbContext(options);
