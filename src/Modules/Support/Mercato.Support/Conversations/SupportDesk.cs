using Mercato.Messaging.Outbox;
using Mercato.Platform.Persistence;
using Mercato.Support.Contracts;
using Mercato.Support.Data;
using Microsoft.EntityFrameworkCore;

namespace Mercato.Support.Conversations;

/// <summary>
/// Every change to a conversation happens here, with the helpdesk's rules: a customer's message
/// makes it <c>open</c> (waiting for staff; a closed one opens again and loses its resolution
/// time), a staff public reply makes it <c>pending</c> (waiting for the customer) and sets the
/// first response time once, an internal note changes no status, closing sets the resolution time.
/// Each message is saved with its <see cref="SupportMessageCreated"/> event in one transaction;
/// two writes racing for one conversation are serialised by its version (the loser starts again
/// from the fresh state).
/// </summary>
internal sealed class SupportDesk(SupportDbContext db, ConcurrentWrites writes, TimeProvider time)
{
    /// <summary>Opens a conversation for <paramref name="customerId"/> with its first message.</summary>
    public async Task<(Conversation Conversation, SupportMessage Message)> OpenAsync(
        Guid customerId, string subject, string body, Guid? orderId, CancellationToken cancellationToken)
    {
        var now = time.GetUtcNow();
        var at = now.UtcDateTime;
        var conversation = new Conversation
        {
            Id = Guid.CreateVersion7(now),
            CustomerId = customerId,
            OrderId = orderId,
            Subject = subject,
            Status = ConversationStatus.Open,
            CreatedAt = at,
            UpdatedAt = at,
            LastMessageAt = at,
            LastActivityAt = at,
            Version = Guid.NewGuid(),
        };
        db.Conversations.Add(conversation);
        var message = AddMessage(conversation, customerId, byStaff: false, isInternal: false, body, now);
        conversation.MessageCount = 1;
        await db.SaveChangesAsync(cancellationToken);
        return (conversation, message);
    }

    /// <summary>
    /// Posts a message to conversation <paramref name="conversationId"/> as <paramref name="caller"/>
    /// (staff may post an internal note); null when the caller may not see the conversation.
    /// </summary>
    public Task<(Conversation Conversation, SupportMessage Message)?> PostAsync(
        Guid conversationId, SupportCaller caller, string body, bool isInternal, CancellationToken cancellationToken)
        => writes.RetryAsync<(Conversation, SupportMessage)?>(db, async () =>
        {
            var conversation = await FindAsync(conversationId, caller, cancellationToken);
            if (conversation is null)
            {
                return null;
            }

            var now = time.GetUtcNow();
            var at = now.UtcDateTime;
            var message = AddMessage(conversation, caller.UserId, caller.IsStaff, isInternal, body, now);
            conversation.LastActivityAt = at;
            conversation.UpdatedAt = at;
            if (isInternal)
            {
                conversation.NoteCount++;
            }
            else
            {
                conversation.MessageCount++;
                conversation.LastMessageAt = at;
                if (caller.IsStaff)
                {
                    conversation.FirstResponseAt ??= at;
                    Move(conversation, ConversationStatus.Pending, at);
                }
                else
                {
                    Move(conversation, ConversationStatus.Open, at);
                }
            }

            conversation.Version = Guid.NewGuid();
            await db.SaveChangesAsync(cancellationToken);
            return (conversation, message);
        }, cancellationToken);

    /// <summary>
    /// Sets the status and / or the assignee of conversation <paramref name="conversationId"/>
    /// (what the caller may change was checked before); null when the caller may not see it.
    /// </summary>
    public Task<Conversation?> UpdateAsync(
        Guid conversationId, SupportCaller caller, ConversationStatus? status, bool changesAssignee, Guid? assigneeId, CancellationToken cancellationToken)
        => writes.RetryAsync(db, async () =>
        {
            var conversation = await FindAsync(conversationId, caller, cancellationToken);
            if (conversation is null)
            {
                return null;
            }

            var at = time.GetUtcNow().UtcDateTime;
            var changed = false;
            if (status is { } wanted && wanted != conversation.Status)
            {
                Move(conversation, wanted, at);
                changed = true;
            }

            if (changesAssignee && assigneeId != conversation.AssigneeId)
            {
                conversation.AssigneeId = assigneeId;
                changed = true;
            }

            if (changed)
            {
                conversation.UpdatedAt = at;
                conversation.Version = Guid.NewGuid();
                await db.SaveChangesAsync(cancellationToken);
            }

            return conversation;
        }, cancellationToken);

    /// <summary>The conversation if <paramref name="caller"/> may see it (staff: any; a customer: their own), tracked.</summary>
    private async Task<Conversation?> FindAsync(Guid id, SupportCaller caller, CancellationToken cancellationToken)
    {
        db.ChangeTracker.Clear();
        var conversation = await db.Conversations.SingleOrDefaultAsync(c => c.Id == id, cancellationToken);
        return conversation is not null && (caller.IsStaff || conversation.CustomerId == caller.UserId) ? conversation : null;
    }

    private static void Move(Conversation conversation, ConversationStatus status, DateTime at)
    {
        if (status == ConversationStatus.Closed)
        {
            conversation.ResolvedAt = conversation.Status == ConversationStatus.Closed ? conversation.ResolvedAt : at;
        }
        else
        {
            conversation.ResolvedAt = null;
        }

        conversation.Status = status;
    }

    private SupportMessage AddMessage(Conversation conversation, Guid authorId, bool byStaff, bool isInternal, string body, DateTimeOffset now)
    {
        var message = new SupportMessage
        {
            Id = Guid.CreateVersion7(now),
            ConversationId = conversation.Id,
            Sequence = conversation.MessageCount + conversation.NoteCount + 1,
            AuthorId = authorId,
            ByStaff = byStaff,
            Internal = isInternal,
            Body = body,
            CreatedAt = now.UtcDateTime,
        };
        db.Messages.Add(message);
        db.AddIntegrationEvent(
            new SupportMessageCreated(conversation.Id, message.Id, conversation.CustomerId, conversation.OrderId, conversation.Subject, authorId, byStaff, isInternal, body),
            SupportModule.Name);
        return message;
    }
}
