using Mercato.Messaging;
using Mercato.Platform.Persistence;
using Mercato.Tally.Entries;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Tally.Data;

/// <summary>The Tally module's database.</summary>
public class TallyDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>The notes counted.</summary>
    public DbSet<TallyEntry> Entries => Set<TallyEntry>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.UseUtcTimestamps();

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<TallyEntry>(e =>
        {
            e.ToTable("tally_entries");
            e.HasKey(t => t.Id);
            e.HasIndex(t => t.NoteId);
        });
        modelBuilder.AddMessagingTables();
    }
}

/// <summary>The SQLite flavour.</summary>
public sealed class TallySqliteDbContext(DbContextOptions<TallySqliteDbContext> options) : TallyDbContext(options);

/// <summary>The PostgreSQL flavour.</summary>
public sealed class TallyPostgresDbContext(DbContextOptions<TallyPostgresDbContext> options) : TallyDbContext(options);
