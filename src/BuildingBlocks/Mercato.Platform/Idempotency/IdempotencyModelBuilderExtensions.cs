using Microsoft.EntityFrameworkCore;

namespace Mercato.Platform.Idempotency;

/// <summary>Maps the idempotency table into a module's own DbContext.</summary>
public static class IdempotencyModelBuilderExtensions
{
    /// <summary>
    /// Adds <c>idempotency_records</c>, keyed by (scope, key) so that two concurrent first
    /// requests with the same key race on the primary key and exactly one wins.
    /// </summary>
    public static ModelBuilder AddIdempotencyTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IdempotencyRecord>(e =>
        {
            e.ToTable("idempotency_records");
            e.HasKey(r => new { r.Scope, r.Key });
            e.Property(r => r.Scope).HasMaxLength(IdempotencyScope.MaxLength);
            e.Property(r => r.Key).HasMaxLength(IdempotencyKey.MaxLength);
            e.Property(r => r.RequestHash).HasMaxLength(64).IsRequired();
            e.Property(r => r.State).HasConversion<string>().HasMaxLength(16);
            e.Property(r => r.ContentType).HasMaxLength(256);
            e.HasIndex(r => r.ExpiresAt);
        });
        return modelBuilder;
    }
}
