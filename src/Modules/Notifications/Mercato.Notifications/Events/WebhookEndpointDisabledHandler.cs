using Mercato.Messaging.Events;
using Mercato.Notifications.Data;
using Mercato.Notifications.Messages;
using Mercato.Notifications.Templates;
using Mercato.Webhooks.Contracts;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Notifications.Events;

/// <summary>
/// A webhook endpoint was disabled: every administrator gets its URL and the reason. The
/// administrators are the accounts Identity's <c>UserRolesChanged</c> events named Admin (in
/// their language) and the addresses in <c>Notifications:AdminEmails</c> (in the shop's
/// language), each once.
/// </summary>
internal sealed partial class WebhookEndpointDisabledHandler(
    NotificationsDbContext db, TemplateRenderer templates, NotificationQueue queue, IOptions<NotificationsOptions> options, ILogger<WebhookEndpointDisabledHandler> logger)
    : IIntegrationEventHandler<WebhookEndpointDisabled>
{
    /// <inheritdoc />
    public async Task HandleAsync(WebhookEndpointDisabled integrationEvent, CancellationToken cancellationToken)
    {
        var admins = await db.Customers.AsNoTracking().Where(c => c.IsAdmin && c.Email != string.Empty).ToListAsync(cancellationToken);
        var recipients = admins.Select(a => (Email: a.Email.Trim(), UserId: (Guid?)a.UserId, a.FirstName, a.LastName, a.Language))
            .Concat(options.Value.AdminEmails.Select(e => (Email: e.Trim(), UserId: (Guid?)null, FirstName: string.Empty, LastName: string.Empty, Language: (string?)null)))
            .DistinctBy(r => r.Email, StringComparer.OrdinalIgnoreCase)
            .ToList();
        if (recipients.Count == 0)
        {
            LogNoAdministrators(integrationEvent.Url);
            return;
        }

        foreach (var recipient in recipients)
        {
            var model = templates.NewModel()
                .WithCustomer(recipient.FirstName, recipient.LastName, recipient.Email)
                .WithWebhookEndpoint(integrationEvent.Url, integrationEvent.Reason, integrationEvent.FailingSince);
            var rendered = await templates.RenderAsync(TemplateKeys.WebhookEndpointDisabled, recipient.Language, model, cancellationToken)
                ?? throw new InvalidOperationException("The webhook-endpoint-disabled template is not known.");
            await queue.EmailForEventAsync(integrationEvent.Id, recipient.Email, recipient.UserId, rendered, cancellationToken);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The webhook endpoint {Url} was disabled and no administrator is known to tell: set Notifications:AdminEmails")]
    private partial void LogNoAdministrators(string url);
}
