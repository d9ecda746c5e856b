using Mercato.Logs.Audit;
using Mercato.Logs.Entries;
using Mercato.Messaging;
using Mercato.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Logs.Data;

/// <summary>The Logs module's database: every process's log records and the audit trail.</summary>
internal class LogsDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Log records.</summary>
    public DbSet<LogEntry> Logs => Set<LogEntry>();

    /// <summary>Audit entries (append-only).</summary>
    public DbSet<AuditEntry> Audit => Set<AuditEntry>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.UseUtcTimestamps();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<LogEntry>(e =>
        {
            e.ToTable("logs_entries");
            e.HasKey(l => l.Id);
            e.Property(l => l.Id).ValueGeneratedNever();
            e.Property(l => l.Service).HasMaxLength(200).IsRequired();
            e.Property(l => l.Category).HasMaxLength(300).IsRequired();
            e.Property(l => l.EventName).HasMaxLength(200);
            e.Property(l => l.Message).IsRequired();
            e.Property(l => l.ExceptionType).HasMaxLength(300);
            e.Property(l => l.CorrelationId).HasMaxLength(128);
            e.Property(l => l.TraceId).HasMaxLength(32);
            e.Property(l => l.SpanId).HasMaxLength(16);
            e.HasIndex(l => l.Timestamp);
            e.HasIndex(l => new { l.Service, l.Timestamp });
            e.HasIndex(l => l.CorrelationId);
            e.HasIndex(l => l.TraceId);
        });

        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("logs_audit_entries");
            e.HasKey(a => a.Id);
            e.Property(a => a.Id).ValueGeneratedNever();
            e.Property(a => a.Module).HasMaxLength(100).IsRequired();
            e.Property(a => a.Actor).HasMaxLength(200).IsRequired();
            e.Property(a => a.ActorType).HasMaxLength(20).IsRequired();
            e.Property(a => a.Action).HasMaxLength(300).IsRequired();
            e.Property(a => a.ResourceType).HasMaxLength(100).IsRequired();
            e.Property(a => a.ResourceId).HasMaxLength(300).IsRequired();
            e.Property(a => a.Outcome).HasMaxLength(20).IsRequired();
            e.Property(a => a.ClientIp).HasMaxLength(64);
            e.Property(a => a.CorrelationId).HasMaxLength(128);
            e.Property(a => a.TraceId).HasMaxLength(32);
            e.HasIndex(a => a.OccurredAt);
            e.HasIndex(a => new { a.ResourceType, a.ResourceId });
            e.HasIndex(a => a.Actor);
            e.HasIndex(a => a.CorrelationId);
        });

        modelBuilder.AddMessagingTables();
    }
}

/// <summary>The SQLite flavour, which owns the SQLite migrations.</summary>
internal sealed class LogsSqliteDbContext(DbContextOptions<LogsSqliteDbContext> options) : LogsDbContext(options);

/// <summary>The PostgreSQL flavour, which owns the PostgreSQL migrations.</summary>
internal sealed class LogsPostgresDbContext(DbContextOptions<LogsPostgresDbContext> options) : LogsDbContext(options);
