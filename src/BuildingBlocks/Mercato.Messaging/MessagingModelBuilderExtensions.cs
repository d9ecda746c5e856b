using Mercato.Messaging.InProcess;
using Mercato.Messaging.Inbox;
using Mercato.Messaging.Outbox;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Messaging;

/// <summary>Maps the outbox and inbox tables into a module's own DbContext.</summary>
public static class MessagingModelBuilderExtensions
{
    /// <summary>
    /// Adds <c>outbox_messages</c>, <c>inbox_messages</c> and <c>consumer_queue</c> (the embedded
    /// per-consumer copies of the module's published events) to the module's model.
    /// </summary>
    public static ModelBuilder AddMessagingTables(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OutboxMessage>(e =>
        {
            e.ToTable("outbox_messages");
            e.HasKey(m => m.Id);
            e.Property(m => m.Type).HasMaxLength(200).IsRequired();
            e.Property(m => m.Source).HasMaxLength(100).IsRequired();
            e.Property(m => m.Payload).IsRequired();
            e.Property(m => m.CorrelationId).HasMaxLength(128);
            e.Property(m => m.TraceParent).HasMaxLength(64);
            e.Property(m => m.TraceState).HasMaxLength(512);
            e.Property(m => m.LastError).HasMaxLength(2000);
            e.HasIndex(m => new { m.ProcessedAt, m.ParkedAt, m.NextAttemptAt });
        });
        modelBuilder.Entity<InboxMessage>(e =>
        {
            e.ToTable("inbox_messages");
            e.HasKey(m => new { m.MessageId, m.Consumer });
            e.Property(m => m.Consumer).HasMaxLength(200);
            e.Property(m => m.Type).HasMaxLength(200).IsRequired();
        });
        modelBuilder.Entity<ConsumerQueueMessage>(e =>
        {
            e.ToTable("consumer_queue");
            e.HasKey(m => m.Id);
            e.Property(m => m.Consumer).HasMaxLength(200).IsRequired();
            e.Property(m => m.Type).HasMaxLength(200).IsRequired();
            e.Property(m => m.Source).HasMaxLength(100).IsRequired();
            e.Property(m => m.Payload).IsRequired();
            e.Property(m => m.CorrelationId).HasMaxLength(128);
            e.Property(m => m.TraceParent).HasMaxLength(64);
            e.Property(m => m.TraceState).HasMaxLength(512);
            e.Property(m => m.LastError).HasMaxLength(2000);
            e.HasIndex(m => new { m.Consumer, m.ParkedAt, m.NextAttemptAt });
            e.HasIndex(m => m.MessageId);
        });
        return modelBuilder;
    }
}
