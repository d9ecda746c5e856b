using Mercato.Messaging;
using Mercato.Platform.Persistence;
using Mercato.Webhooks.Deliveries;
using Mercato.Webhooks.Endpoints;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Webhooks.Data;

/// <summary>The Webhooks module's database: endpoints, the delivery queue and the attempt log.</summary>
internal class WebhooksDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Endpoints.</summary>
    public DbSet<WebhookEndpoint> Endpoints => Set<WebhookEndpoint>();

    /// <summary>Deliveries (the durable queue).</summary>
    public DbSet<WebhookDelivery> Deliveries => Set<WebhookDelivery>();

    /// <summary>Attempts (the delivery log).</summary>
    public DbSet<DeliveryAttempt> Attempts => Set<DeliveryAttempt>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.UseUtcTimestamps();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<WebhookEndpoint>(e =>
        {
            e.ToTable("webhooks_endpoints");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Url).HasMaxLength(2000).IsRequired();
            e.Property(x => x.Events).HasMaxLength(2000).IsRequired();
            e.Property(x => x.Description).HasMaxLength(500);
            e.Property(x => x.Secret).HasMaxLength(200).IsRequired();
            e.Property(x => x.PreviousSecret).HasMaxLength(200);
            e.Property(x => x.DisabledReason).HasMaxLength(500);
            e.Property(x => x.CreatedBy).HasMaxLength(200).IsRequired();
            e.Ignore(x => x.EventList);
            e.HasIndex(x => x.CreatedAt);
        });

        modelBuilder.Entity<WebhookDelivery>(e =>
        {
            e.ToTable("webhooks_deliveries");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Event).HasMaxLength(64).IsRequired();
            e.Property(x => x.EventId).HasMaxLength(64).IsRequired();
            e.Property(x => x.Payload).IsRequired();
            e.Property(x => x.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(x => x.LastError).HasMaxLength(1000);
            e.Property(x => x.CorrelationId).HasMaxLength(128);
            e.Property(x => x.TraceParent).HasMaxLength(128);
            e.Ignore(x => x.MessageId);
            e.HasOne<WebhookEndpoint>().WithMany().HasForeignKey(x => x.EndpointId).OnDelete(DeleteBehavior.Cascade);
            e.HasMany(x => x.AttemptLog).WithOne().HasForeignKey(a => a.DeliveryId).OnDelete(DeleteBehavior.Cascade);

            // A redelivered event never queues the same webhook event twice for one endpoint.
            e.HasIndex(x => new { x.EndpointId, x.SourceEventId, x.Event }).IsUnique();
            e.HasIndex(x => new { x.Status, x.NextAttemptAt });
            e.HasIndex(x => new { x.EndpointId, x.CreatedAt });
            e.HasIndex(x => x.CorrelationId);
            e.HasIndex(x => x.CreatedAt);
        });

        modelBuilder.Entity<DeliveryAttempt>(e =>
        {
            e.ToTable("webhooks_attempts");
            e.HasKey(x => x.Id);
            e.Property(x => x.Id).ValueGeneratedNever();
            e.Property(x => x.Url).HasMaxLength(2000).IsRequired();
            e.Property(x => x.RequestHeaders).IsRequired();
            e.Property(x => x.ResponseBody).HasMaxLength(4096);
            e.Property(x => x.Error).HasMaxLength(1000);
            e.HasIndex(x => new { x.DeliveryId, x.Number });
        });

        modelBuilder.AddMessagingTables();
    }
}

/// <summary>The SQLite flavour, which owns the SQLite migrations.</summary>
internal sealed class WebhooksSqliteDbContext(DbContextOptions<WebhooksSqliteDbContext> options) : WebhooksDbContext(options);

/// <summary>The PostgreSQL flavour, which owns the PostgreSQL migrations.</summary>
internal sealed class WebhooksPostgresDbContext(DbContextOptions<WebhooksPostgresDbContext> options) : WebhooksDbContext(options);
