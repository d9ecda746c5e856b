using Mercato.Notifications.Messages;
using Mercato.Notifications.Templates;

namespace Mercato.Notifications.Events;

/// <summary>
/// Queues the mails about an account's security (reset, verification, changed password) for
/// Identity's events: rendered in the event's language (the shop's default when it names none),
/// once per event, template and recipient. Their secrets go into the message body only, never
/// into a log line.
/// </summary>
internal sealed class AccountMessages(TemplateRenderer templates, NotificationQueue queue)
{
    /// <summary>Queues <paramref name="template"/> to <paramref name="email"/> for event <paramref name="eventId"/>.</summary>
    public async Task QueueAsync(
        Guid eventId, Guid userId, string email, string firstName, string? language, string template, Func<MessageModel, MessageModel> data, CancellationToken cancellationToken)
    {
        var model = data(templates.NewModel().WithCustomer(firstName, null, email));
        var rendered = await templates.RenderAsync(template, Languages.Normalize(language), model, cancellationToken)
            ?? throw new InvalidOperationException($"The template '{template}' is not known.");
        await queue.EmailForEventAsync(eventId, email, userId, rendered, cancellationToken);
    }

    /// <summary>When an event happened, or now when it carries no time.</summary>
    public static DateTimeOffset IssuedAt(DateTimeOffset occurredAt, TimeProvider time) => occurredAt == default ? time.GetUtcNow() : occurredAt;
}
