using Mercato.Messaging;
using Mercato.Payments.Checkout;
using Mercato.Payments.Gateways.Sandbox;
using Mercato.Payments.Gateways.Stripe;
using Mercato.Payments.LatePayments;
using Mercato.Payments.Ledger;
using Mercato.Payments.Methods;
using Mercato.Payments.Orders;
using Mercato.Payments.Refunds;
using Mercato.Payments.Webhooks;
using Mercato.Platform.Idempotency;
using Mercato.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Payments.Data;

/// <summary>
/// The Payments module's database: payments and their ledgers, refunds, checkout sessions, saved
/// methods, applied gateway events, the Stripe customers of users, and (in tables of its own, <c>sandbox_*</c>) the sandbox
/// gateway's records. Money is stored as whole cents (see <see cref="MoneyColumns"/>).
/// </summary>
internal class PaymentsDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Payments.</summary>
    public DbSet<Payment> Payments => Set<Payment>();

    /// <summary>Ledger entries.</summary>
    public DbSet<PaymentTransaction> Transactions => Set<PaymentTransaction>();

    /// <summary>Refunds.</summary>
    public DbSet<Refund> Refunds => Set<Refund>();

    /// <summary>Hosted checkout sessions.</summary>
    public DbSet<CheckoutSession> CheckoutSessions => Set<CheckoutSession>();

    /// <summary>Saved cards.</summary>
    public DbSet<PaymentMethod> PaymentMethods => Set<PaymentMethod>();

    /// <summary>Gateway webhook events already applied.</summary>
    public DbSet<GatewayEvent> GatewayEvents => Set<GatewayEvent>();

    /// <summary>Orders Ordering cancelled.</summary>
    public DbSet<CancelledOrder> CancelledOrders => Set<CancelledOrder>();

    /// <summary>The Stripe customers that hold users' cards.</summary>
    public DbSet<StripeCustomer> StripeCustomers => Set<StripeCustomer>();
    /// <summary>Payments captured for orders cancelled meanwhile, until resolved.</summary>
    public DbSet<LatePayment> LatePayments => Set<LatePayment>();

    /// <summary>The sandbox's checkout pages.</summary>
    public DbSet<SandboxSession> SandboxSessions => Set<SandboxSession>();

    /// <summary>The sandbox's charges.</summary>
    public DbSet<SandboxCharge> SandboxCharges => Set<SandboxCharge>();

    /// <summary>The sandbox's saved cards.</summary>
    public DbSet<SandboxCard> SandboxCards => Set<SandboxCard>();

    /// <summary>The sandbox's refunds.</summary>
    public DbSet<SandboxRefund> SandboxRefunds => Set<SandboxRefund>();

    /// <summary>The sandbox's outgoing webhooks.</summary>
    public DbSet<SandboxWebhook> SandboxWebhooks => Set<SandboxWebhook>();

    /// <summary>The sandbox's account.</summary>
    public DbSet<SandboxAccount> SandboxAccounts => Set<SandboxAccount>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.UseUtcTimestamps();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Payment>(e =>
        {
            e.ToTable("payments_payments");
            e.HasKey(p => p.Id);
            e.Property(p => p.Id).ValueGeneratedNever();
            e.Property(p => p.OrderNumber).HasMaxLength(32).IsRequired();
            e.Property(p => p.GuestKeyHash).HasMaxLength(64);
            e.Property(p => p.Amount).HasConversion(MoneyColumns.Cents).HasColumnName("AmountCents");
            e.Property(p => p.Captured).HasConversion(MoneyColumns.Cents).HasColumnName("CapturedCents");
            e.Property(p => p.Refunded).HasConversion(MoneyColumns.Cents).HasColumnName("RefundedCents");
            e.Property(p => p.Currency).HasMaxLength(3).IsRequired();
            e.Property(p => p.Gateway).HasMaxLength(32).IsRequired();
            e.Property(p => p.GatewayPaymentId).HasMaxLength(200);
            e.Property(p => p.CardBrand).HasMaxLength(32);
            e.Property(p => p.CardLast4).HasMaxLength(4);
            e.Property(p => p.ActionUrl).HasMaxLength(2048);
            e.Property(p => p.ReturnUrl).HasMaxLength(2048);
            e.Property(p => p.CancelUrl).HasMaxLength(2048);
            e.Property(p => p.FailureReason).HasMaxLength(500);
            e.Property(p => p.Status).HasConversion<string>().HasMaxLength(24);
            e.Property(p => p.Version).IsConcurrencyToken();
            e.HasIndex(p => p.OrderId);
            e.HasIndex(p => new { p.UserId, p.CreatedAt });
            e.HasIndex(p => new { p.Status, p.CreatedAt });
            e.HasIndex(p => p.CreatedAt);
            e.HasIndex(p => new { p.Gateway, p.GatewayPaymentId });
            e.HasMany(p => p.Transactions).WithOne().HasForeignKey(t => t.PaymentId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(p => p.Refunds).WithOne().HasForeignKey(r => r.PaymentId).OnDelete(DeleteBehavior.Cascade);
            e.ToTable(t => t.HasCheckConstraint(
                "CK_payments_payments_money",
                "\"AmountCents\" > 0 AND \"CapturedCents\" >= 0 AND \"RefundedCents\" >= 0 AND \"RefundedCents\" <= \"CapturedCents\""));
        });

        modelBuilder.Entity<PaymentTransaction>(e =>
        {
            e.ToTable("payments_transactions");
            e.HasKey(t => t.Id);
            e.Property(t => t.Id).ValueGeneratedNever();
            e.Property(t => t.Kind).HasConversion<string>().HasMaxLength(24);
            e.Property(t => t.Amount).HasConversion(MoneyColumns.Cents).HasColumnName("AmountCents");
            e.Property(t => t.GatewayReference).HasMaxLength(200).IsRequired();
            e.Property(t => t.Reason).HasMaxLength(500);
            e.HasIndex(t => new { t.PaymentId, t.Kind, t.GatewayReference }).IsUnique();
            e.ToTable(t => t.HasCheckConstraint("CK_payments_transactions_amount", "\"AmountCents\" >= 0"));
        });

        modelBuilder.Entity<Refund>(e =>
        {
            e.ToTable("payments_refunds");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).ValueGeneratedNever();
            e.Property(r => r.Amount).HasConversion(MoneyColumns.Cents).HasColumnName("AmountCents");
            e.Property(r => r.Reason).HasMaxLength(500).IsRequired();
            e.Property(r => r.RequestedBy).HasMaxLength(200).IsRequired();
            e.Property(r => r.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.GatewayRefundId).HasMaxLength(200);
            e.Property(r => r.FailureReason).HasMaxLength(500);
            e.Property(r => r.IdempotencyKey).HasMaxLength(200).IsRequired();
            e.HasIndex(r => new { r.PaymentId, r.IdempotencyKey }).IsUnique();
            e.HasIndex(r => new { r.Status, r.UpdatedAt });
            e.Ignore(r => r.IsOpen);
            e.ToTable(t => t.HasCheckConstraint("CK_payments_refunds_amount", "\"AmountCents\" > 0"));
        });

        modelBuilder.Entity<CheckoutSession>(e =>
        {
            e.ToTable("payments_checkout_sessions");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).ValueGeneratedNever();
            e.Property(s => s.GatewaySessionId).HasMaxLength(200).IsRequired();
            e.Property(s => s.CheckoutUrl).HasMaxLength(2048).IsRequired();
            e.Property(s => s.SuccessUrl).HasMaxLength(2048);
            e.Property(s => s.CancelUrl).HasMaxLength(2048);
            e.Property(s => s.FailUrl).HasMaxLength(2048);
            e.HasIndex(s => s.PaymentId);
            e.HasIndex(s => s.GatewaySessionId);
            e.HasIndex(s => s.ExpiresAt);
        });

        modelBuilder.Entity<PaymentMethod>(e =>
        {
            e.ToTable("payments_methods");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).ValueGeneratedNever();
            e.Property(m => m.Gateway).HasMaxLength(32).IsRequired();
            e.Property(m => m.GatewayMethodId).HasMaxLength(200).IsRequired();
            e.Property(m => m.Type).HasMaxLength(16).IsRequired();
            e.Property(m => m.Brand).HasMaxLength(32).IsRequired();
            e.Property(m => m.Last4).HasMaxLength(4).IsRequired();
            e.Property(m => m.Fingerprint).HasMaxLength(64).IsRequired();
            e.HasIndex(m => new { m.UserId, m.CreatedAt });
            e.HasIndex(m => m.UserId).IsUnique().HasFilter("\"IsDefault\"").HasDatabaseName("IX_payments_methods_default");
        });

        modelBuilder.Entity<GatewayEvent>(e =>
        {
            e.ToTable("payments_gateway_events");
            e.HasKey(g => new { g.Gateway, g.EventId });
            e.Property(g => g.Gateway).HasMaxLength(32);
            e.Property(g => g.EventId).HasMaxLength(200);
            e.Property(g => g.Type).HasMaxLength(100).IsRequired();
        });

        modelBuilder.Entity<CancelledOrder>(e =>
        {
            e.ToTable("payments_cancelled_orders");
            e.HasKey(c => c.OrderId);
            e.Property(c => c.OrderId).ValueGeneratedNever();
            e.Property(c => c.Reason).HasMaxLength(500).IsRequired();
        });

        modelBuilder.Entity<StripeCustomer>(e =>
        {
            e.ToTable("payments_stripe_customers");
            e.HasKey(c => c.UserId);
            e.Property(c => c.UserId).ValueGeneratedNever();
            e.Property(c => c.CustomerId).HasMaxLength(200).IsRequired();
            e.HasIndex(c => c.CustomerId).IsUnique();
        });

        modelBuilder.Entity<LatePayment>(e =>
        {
            e.ToTable("payments_late_payments");
            e.HasKey(l => l.Id);
            e.Property(l => l.Id).ValueGeneratedNever();
            e.Property(l => l.CancellationReason).HasMaxLength(400).IsRequired();
            e.Property(l => l.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(l => l.Outcome).HasMaxLength(500);
            e.Property(l => l.Version).IsConcurrencyToken();
            e.HasIndex(l => l.PaymentId).IsUnique();
            e.HasIndex(l => new { l.Status, l.DueAt });
        });

        MapSandbox(modelBuilder);
        modelBuilder.AddMessagingTables();
        modelBuilder.AddIdempotencyTables();
    }

    private static void MapSandbox(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<SandboxSession>(e =>
        {
            e.ToTable("sandbox_sessions");
            e.HasKey(s => s.Id);
            e.Property(s => s.Id).HasMaxLength(64);
            e.Property(s => s.Amount).HasConversion(MoneyColumns.Cents).HasColumnName("AmountCents");
            e.Property(s => s.Currency).HasMaxLength(3).IsRequired();
            e.Property(s => s.Description).HasMaxLength(200).IsRequired();
            e.Property(s => s.ReturnUrl).HasMaxLength(2048).IsRequired();
            e.Property(s => s.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(s => s.ChargeId).HasMaxLength(64);
        });

        modelBuilder.Entity<SandboxCharge>(e =>
        {
            e.ToTable("sandbox_charges");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(64);
            e.Property(c => c.SessionId).HasMaxLength(64);
            e.Property(c => c.CardId).HasMaxLength(64);
            e.Property(c => c.Amount).HasConversion(MoneyColumns.Cents).HasColumnName("AmountCents");
            e.Property(c => c.Refunded).HasConversion(MoneyColumns.Cents).HasColumnName("RefundedCents");
            e.Property(c => c.Authorized).HasConversion(MoneyColumns.Cents).HasColumnName("AuthorizedCents");
            e.Property(c => c.CaptureKey).HasMaxLength(200);
            e.Property(c => c.Currency).HasMaxLength(3).IsRequired();
            e.Property(c => c.State).HasConversion<string>().HasMaxLength(24);
            e.Property(c => c.FailureCode).HasMaxLength(64);
            e.Property(c => c.Brand).HasMaxLength(32).IsRequired();
            e.Property(c => c.Last4).HasMaxLength(4).IsRequired();
            e.Property(c => c.Behaviour).HasConversion<string>().HasMaxLength(24);
            e.Property(c => c.IdempotencyKey).HasMaxLength(200);
            e.Property(c => c.ReturnUrl).HasMaxLength(2048);
            e.HasIndex(c => c.IdempotencyKey).IsUnique();
            e.HasIndex(c => c.CreatedAt);
            e.HasIndex(c => c.SessionId);
            e.ToTable(t => t.HasCheckConstraint("CK_sandbox_charges_refunded", "\"RefundedCents\" >= 0 AND \"RefundedCents\" <= \"AmountCents\""));
        });

        modelBuilder.Entity<SandboxCard>(e =>
        {
            e.ToTable("sandbox_cards");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).HasMaxLength(64);
            e.Property(c => c.Brand).HasMaxLength(32).IsRequired();
            e.Property(c => c.Last4).HasMaxLength(4).IsRequired();
            e.Property(c => c.Fingerprint).HasMaxLength(64).IsRequired();
            e.Property(c => c.Behaviour).HasConversion<string>().HasMaxLength(24);
        });

        modelBuilder.Entity<SandboxRefund>(e =>
        {
            e.ToTable("sandbox_refunds");
            e.HasKey(r => r.Id);
            e.Property(r => r.Id).HasMaxLength(64);
            e.Property(r => r.ChargeId).HasMaxLength(64).IsRequired();
            e.Property(r => r.Amount).HasConversion(MoneyColumns.Cents).HasColumnName("AmountCents");
            e.Property(r => r.FailureReason).HasMaxLength(200);
            e.Property(r => r.IdempotencyKey).HasMaxLength(200).IsRequired();
            e.HasIndex(r => r.IdempotencyKey).IsUnique();
            e.HasIndex(r => r.ChargeId);
        });

        modelBuilder.Entity<SandboxWebhook>(e =>
        {
            e.ToTable("sandbox_webhooks");
            e.HasKey(w => w.Id);
            e.Property(w => w.Id).HasMaxLength(64);
            e.Property(w => w.Type).HasMaxLength(64).IsRequired();
            e.Property(w => w.Payload).IsRequired();
            e.HasIndex(w => new { w.DeliveredAt, w.DueAt });
        });

        modelBuilder.Entity<SandboxAccount>(e =>
        {
            e.ToTable("sandbox_accounts");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.WebhookSecret).HasMaxLength(100).IsRequired();
        });
    }
}

/// <summary>The SQLite flavour, which owns the SQLite migrations.</summary>
internal sealed class PaymentsSqliteDbContext(DbContextOptions<PaymentsSqliteDbContext> options) : PaymentsDbContext(options);

/// <summary>The PostgreSQL flavour, which owns the PostgreSQL migrations.</summary>
internal sealed class PaymentsPostgresDbContext(DbContextOptions<PaymentsPostgresDbContext> options) : PaymentsDbContext(options);
