using Mercato.Messaging;
using Mercato.Probe.Notes;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Probe.Data;

/// <summary>The Probe module's database.</summary>
public class ProbeDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Notes.</summary>
    public DbSet<Note> Notes => Set<Note>();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Note>(e =>
        {
            e.ToTable("probe_notes");
            e.HasKey(n => n.Id);
            e.Property(n => n.Text).HasMaxLength(200).IsRequired();
        });
        modelBuilder.AddMessagingTables();
    }
}

/// <summary>The SQLite flavour, which owns the SQLite migrations.</summary>
public sealed class ProbeSqliteDbContext(DbContextOptions<ProbeSqliteDbContext> options) : ProbeDbContext(options);

/// <summary>The PostgreSQL flavour, which owns the PostgreSQL migrations.</summary>
public sealed class ProbePostgresDbContext(DbContextOptions<ProbePostgresDbContext> options) : ProbeDbContext(options);
