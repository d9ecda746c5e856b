using Mercato.Messaging.Events;

namespace Mercato.Support.Contracts;

/// <summary>A message was posted in a support conversation, by its customer or by staff.</summary>
/// <param name="ConversationId">The conversation.</param>
/// <param name="MessageId">The message.</param>
/// <param name="CustomerId">The customer the conversation belongs to.</param>
/// <param name="OrderId">The customer's order the conversation is about, if any.</param>
/// <param name="Subject">The conversation's subject.</param>
/// <param name="AuthorId">Who wrote the message.</param>
/// <param name="ByStaff">Whether the author is staff (Admin or Support) rather than the customer.</param>
/// <param name="Internal">Whether it is an internal note, which the customer never sees.</param>
/// <param name="Body">The message text.</param>
[EventName("support.message-created.v1")]
public sealed record SupportMessageCreated(
    Guid ConversationId,
    Guid MessageId,
    Guid CustomerId,
    Guid? OrderId,
    string Subject,
    Guid AuthorId,
    bool ByStaff,
    bool Internal,
    string Body) : IntegrationEvent;
