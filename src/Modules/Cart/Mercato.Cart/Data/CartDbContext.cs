using System.Text.Json;
using Mercato.Cart.Carts;
using Mercato.Cart.Coupons;
using Mercato.Messaging;
using Mercato.Platform.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Storage.ValueConversion;

namespace Mercato.Cart.Data;

/// <summary>The Cart module's database. Money is stored as whole cents (see <see cref="MoneyColumns"/>).</summary>
internal class CartDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Carts.</summary>
    public DbSet<ShoppingCart> Carts => Set<ShoppingCart>();

    /// <summary>Cart lines.</summary>
    public DbSet<CartItem> CartItems => Set<CartItem>();

    /// <summary>Coupons.</summary>
    public DbSet<Coupon> Coupons => Set<Coupon>();

    /// <summary>Coupon uses by orders.</summary>
    public DbSet<CouponRedemption> CouponRedemptions => Set<CouponRedemption>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.UseUtcTimestamps();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ShoppingCart>(e =>
        {
            e.ToTable("cart_carts");
            e.HasKey(c => c.Id);
            e.Property(c => c.KeyHash).HasMaxLength(64);
            e.Property(c => c.CouponCode).HasMaxLength(40);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => c.UserId).IsUnique();
            e.HasIndex(c => c.KeyHash).IsUnique();
            e.HasIndex(c => c.UpdatedAt);
            e.HasMany(c => c.Items).WithOne().HasForeignKey(i => i.CartId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<CartItem>(e =>
        {
            e.ToTable("cart_items");
            e.HasKey(i => i.Id);
            e.Property(i => i.ProductName).HasMaxLength(200).IsRequired();
            e.Property(i => i.Sku).HasMaxLength(64).IsRequired();
            e.Property(i => i.ImageUrl).HasMaxLength(500);
            e.Property(i => i.UnitPrice).HasConversion(MoneyColumns.Cents).HasColumnName("UnitPriceCents");
            e.Property(i => i.PriceWhenAdded).HasConversion(MoneyColumns.Cents).HasColumnName("PriceWhenAddedCents");
            e.HasIndex(i => new { i.CartId, i.ProductId }).IsUnique();
            e.HasIndex(i => i.ProductId);
            e.ToTable(t => t.HasCheckConstraint("CK_cart_items_quantity", "\"Quantity\" > 0"));
        });

        modelBuilder.Entity<Coupon>(e =>
        {
            e.ToTable("cart_coupons");
            e.HasKey(c => c.Id);
            e.Property(c => c.Code).HasMaxLength(40).IsRequired();
            e.Property(c => c.Description).HasMaxLength(500);
            e.Property(c => c.Type).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Value).HasConversion(MoneyColumns.Cents).HasColumnName("ValueCents");
            e.Property(c => c.MinimumSubtotal).HasConversion(MoneyColumns.NullableCents).HasColumnName("MinimumSubtotalCents");
            e.Property(c => c.CategoryIds).HasConversion(GuidList.Converter, GuidList.Comparer);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => c.Code).IsUnique();
            e.ToTable(t => t.HasCheckConstraint(
                "CK_cart_coupons_redeemed", "\"TimesRedeemed\" >= 0 AND (\"UsageLimit\" IS NULL OR \"TimesRedeemed\" <= \"UsageLimit\")"));
        });

        modelBuilder.Entity<CouponRedemption>(e =>
        {
            e.ToTable("cart_coupon_redemptions");
            e.HasKey(r => r.Id);
            e.Property(r => r.CustomerKey).HasMaxLength(300).IsRequired();
            e.HasIndex(r => new { r.CouponId, r.OrderId }).IsUnique();
            e.HasIndex(r => r.OrderId);
            e.HasIndex(r => new { r.CouponId, r.CustomerKey });
            e.HasIndex(r => new { r.ConfirmedAt, r.RedeemedAt });
            e.HasOne<Coupon>().WithMany().HasForeignKey(r => r.CouponId).OnDelete(DeleteBehavior.Restrict);
        });

        modelBuilder.AddMessagingTables();
    }

    private static class GuidList
    {
        public static readonly ValueConverter<List<Guid>, string> Converter = new(
            v => JsonSerializer.Serialize(v, JsonSerializerOptions.Default),
            v => JsonSerializer.Deserialize<List<Guid>>(v, JsonSerializerOptions.Default) ?? new());

        public static readonly ValueComparer<List<Guid>> Comparer = new(
            (a, b) => a != null && b != null && a.SequenceEqual(b),
            v => v.Aggregate(0, (hash, id) => HashCode.Combine(hash, id)),
            v => v.ToList());
    }
}

/// <summary>The SQLite flavour, which owns the SQLite migrations.</summary>
internal sealed class CartSqliteDbContext(DbContextOptions<CartSqliteDbContext> options) : CartDbContext(options);

/// <summary>The PostgreSQL flavour, which owns the PostgreSQL migrations.</summary>
internal sealed class CartPostgresDbContext(DbContextOptions<CartPostgresDbContext> options) : CartDbContext(options);
