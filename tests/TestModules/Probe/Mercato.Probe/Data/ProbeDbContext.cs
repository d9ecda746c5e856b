using Mercato.Messaging;
using Mercato.Platform.Idempotency;
using Mercato.Probe.Notes;
using Mercato.Probe.Orders;
using Mercato.Platform.Persistence;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Probe.Data;

/// <summary>The Probe module's database.</summary>
public class ProbeDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Notes.</summary>
    public DbSet<Note> Notes => Set<Note>();

    /// <summary>Orders (created through an idempotent endpoint).</summary>
    public DbSet<Order> Orders => Set<Order>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.UseUtcTimestamps();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Note>(e =>
        {
            e.ToTable("probe_notes");
            e.HasKey(n => n.Id);
            e.Property(n => n.Text).HasMaxLength(200).IsRequired();
        });
        modelBuilder.Entity<Order>(e =>
        {
            e.ToTable("probe_orders");
            e.HasKey(o => o.Number);
            e.Property(o => o.Number).ValueGeneratedOnAdd();
            e.Property(o => o.Reference).HasMaxLength(100).IsRequired();
            e.Property(o => o.Item).HasMaxLength(100).IsRequired();
            e.HasIndex(o => o.Reference);
        });
        modelBuilder.AddMessagingTables();
        modelBuilder.AddIdempotencyTables();
    }
}

/// <summary>The SQLite flavour, which owns the SQLite migrations.</summary>
public sealed class ProbeSqliteDbContext(DbContextOptions<ProbeSqliteDbContext> options) : ProbeDbContext(options);

/// <summary>The PostgreSQL flavour, which owns the PostgreSQL migrations.</summary>
public sealed class ProbePostgresDbContext(DbContextOptions<ProbePostgresDbContext> options) : ProbeDbContext(options);
