using Mercato.Messaging;
using Mercato.Platform.Persistence;
using Mercato.Support.Conversations;
using Mercato.Support.Staff;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Support.Data;

/// <summary>The Support module's database: conversations, their messages and notes, who is staff, and the outbox.</summary>
internal class SupportDbContext(DbContextOptions options) : DbContext(options)
{
    /// <summary>Conversations.</summary>
    public DbSet<Conversation> Conversations => Set<Conversation>();

    /// <summary>Messages and internal notes.</summary>
    public DbSet<SupportMessage> Messages => Set<SupportMessage>();

    /// <summary>Who is staff.</summary>
    public DbSet<StaffMember> StaffMembers => Set<StaffMember>();

    /// <inheritdoc />
    protected override void ConfigureConventions(ModelConfigurationBuilder configurationBuilder)
        => configurationBuilder.UseUtcTimestamps();

    /// <inheritdoc />
    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Conversation>(e =>
        {
            e.ToTable("support_conversations");
            e.HasKey(c => c.Id);
            e.Property(c => c.Id).ValueGeneratedNever();
            e.Property(c => c.Subject).HasMaxLength(ConversationRules.SubjectMaxLength).IsRequired();
            e.Property(c => c.Status).HasConversion<string>().HasMaxLength(16);
            e.Property(c => c.Version).IsConcurrencyToken();
            e.HasIndex(c => new { c.CustomerId, c.LastMessageAt });
            e.HasIndex(c => new { c.Status, c.LastActivityAt });
            e.HasIndex(c => new { c.AssigneeId, c.LastActivityAt });
            e.HasIndex(c => c.OrderId);
            e.HasIndex(c => c.LastActivityAt);
        });

        modelBuilder.Entity<SupportMessage>(e =>
        {
            e.ToTable("support_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Id).ValueGeneratedNever();
            e.Property(m => m.Body).HasMaxLength(ConversationRules.BodyMaxLength).IsRequired();
            e.HasIndex(m => new { m.ConversationId, m.Sequence }).IsUnique();
            e.HasOne<Conversation>().WithMany().HasForeignKey(m => m.ConversationId).OnDelete(DeleteBehavior.Cascade);
        });

        modelBuilder.Entity<StaffMember>(e =>
        {
            e.ToTable("support_staff");
            e.HasKey(s => s.UserId);
            e.Property(s => s.UserId).ValueGeneratedNever();
        });

        modelBuilder.AddMessagingTables();
    }
}

/// <summary>The SQLite flavour, which owns the SQLite migrations.</summary>
internal sealed class SupportSqliteDbContext(DbContextOptions<SupportSqliteDbContext> options) : SupportDbContext(options);

/// <summary>The PostgreSQL flavour, which owns the PostgreSQL migrations.</summary>
internal sealed class SupportPostgresDbContext(DbContextOptions<SupportPostgresDbContext> options) : SupportDbContext(options);
