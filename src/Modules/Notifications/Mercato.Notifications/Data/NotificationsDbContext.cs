using Mercato.Messaging;
using Mercato.Notifications.Messages;
using Mercato.Notifications.Templates;
using Mercato.Platform.Idempotency;
using Mercato.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Notifications.Data;

/// <summary>The Notifications module's database: every message, and the administrators' templates.</summary>
internal class NotificationsDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Messages.</summary>
    public DbSet<Notification> Notifications => Set<Notification>();

    /// <summary>Customers' names, phones and languages, as Identity's events tell them.</summary>
    public DbSet<Customer> Customers => Set<Customer>();

    /// <summary>Administrators' templates.</summary>
    public DbSet<TemplateOverride> TemplateOverrides => Set<TemplateOverride>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.UseUtcTimestamps();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Notification>(e =>
        {
            e.ToTable("notifications_messages");
            e.HasKey(n => n.Id);
            e.Property(n => n.Id).ValueGeneratedNever();
            e.Property(n => n.Channel).HasConversion<string>().HasMaxLength(16);
            e.Property(n => n.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(n => n.Recipient).HasMaxLength(320).IsRequired();
            e.Property(n => n.Template).HasMaxLength(64);
            e.Property(n => n.Language).HasMaxLength(16).IsRequired();
            e.Property(n => n.Subject).HasMaxLength(500);
            e.Property(n => n.TextBody).IsRequired();
            e.Property(n => n.LastError).HasMaxLength(1000);
            e.Property(n => n.ProviderMessageId).HasMaxLength(200);
            e.Property(n => n.RequestedBy).HasMaxLength(200).IsRequired();
            e.Property(n => n.Attempts).IsConcurrencyToken();

            // A redelivered or replayed event never queues the same message twice.
            e.HasIndex(n => new { n.SourceEventId, n.Template, n.Recipient }).IsUnique();
            e.HasIndex(n => new { n.Status, n.NextAttemptAt });
            e.HasIndex(n => new { n.UserId, n.QueuedAt });
            e.HasIndex(n => n.QueuedAt);
        });

        modelBuilder.Entity<Customer>(e =>
        {
            e.ToTable("notifications_customers");
            e.HasKey(c => c.UserId);
            e.Property(c => c.UserId).ValueGeneratedNever();
            e.Property(c => c.Email).HasMaxLength(320).IsRequired();
            e.Property(c => c.FirstName).HasMaxLength(100).IsRequired();
            e.Property(c => c.LastName).HasMaxLength(100).IsRequired();
            e.Property(c => c.PhoneNumber).HasMaxLength(20);
            e.Property(c => c.Language).HasMaxLength(16);
        });

        modelBuilder.Entity<TemplateOverride>(e =>
        {
            e.ToTable("notifications_templates");
            e.HasKey(t => new { t.Key, t.Language });
            e.Property(t => t.Key).HasMaxLength(64);
            e.Property(t => t.Language).HasMaxLength(16);
            e.Property(t => t.Subject).HasMaxLength(2000).IsRequired();
            e.Property(t => t.Text).IsRequired();
            e.Property(t => t.Html).IsRequired();
            e.Property(t => t.UpdatedBy).HasMaxLength(200).IsRequired();
        });

        modelBuilder.AddMessagingTables();
        modelBuilder.AddIdempotencyTables();
    }
}

/// <summary>The SQLite flavour, which owns the SQLite migrations.</summary>
internal sealed class NotificationsSqliteDbContext(DbContextOptions<NotificationsSqliteDbContext> options) : NotificationsDbContext(options);

/// <summary>The PostgreSQL flavour, which owns the PostgreSQL migrations.</summary>
internal sealed class NotificationsPostgresDbContext(DbContextOptions<NotificationsPostgresDbContext> options) : NotificationsDbContext(options);
