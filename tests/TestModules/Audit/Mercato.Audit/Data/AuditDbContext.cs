using Mercato.Audit.Entries;
using Mercato.Messaging;
using Mercato.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Audit.Data;

/// <summary>The Audit module's database.</summary>
public class AuditDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>What the module has seen.</summary>
    public DbSet<AuditEntry> Entries => Set<AuditEntry>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.UseUtcTimestamps();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<AuditEntry>(e =>
        {
            e.ToTable("audit_entries");
            e.HasKey(a => a.Id);
            e.Property(a => a.Text).HasMaxLength(200);
            e.Property(a => a.CorrelationId).HasMaxLength(128);
            e.Property(a => a.TraceId).HasMaxLength(32);
            e.HasIndex(a => a.NoteId);
        });
        modelBuilder.AddMessagingTables();
    }
}

/// <summary>The SQLite flavour.</summary>
public sealed class AuditSqliteDbContext(DbContextOptions<AuditSqliteDbContext> options) : AuditDbContext(options);

/// <summary>The PostgreSQL flavour.</summary>
public sealed class AuditPostgresDbContext(DbContextOptions<AuditPostgresDbContext> options) : AuditDbContext(options);
