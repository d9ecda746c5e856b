using System.Security.Claims;
using System.Text.Json;
using Mercato.Notifications.Contracts;
using Mercato.Notifications.Data;
using Mercato.Notifications.Messages;
using Mercato.Notifications.Templates;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Mercato.Platform.Idempotency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;

namespace Mercato.Notifications.Api;

/// <summary>
/// <c>POST /api/v1/notifications/email</c> and <c>/sms</c> (seed 004): other services (scope
/// <c>notifications.send</c>) and administrators queue a message; 202 with the queued record.
/// </summary>
internal static class SendApi
{
    /// <summary>Seed 004's template names that Mercato knows by another key.</summary>
    private static readonly Dictionary<string, string> Aliases = new(StringComparer.Ordinal)
    {
        ["order-confirmation"] = TemplateKeys.OrderPlaced,
    };

    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapSendApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(NotificationsModule.Descriptor).MapGroup("/api/v1/notifications").WithTags("Notifications")
            .RequireAdminOrScope(NotificationsScopes.Send);
        group.MapPost("/email", SendEmailAsync).WithIdempotency<NotificationsDbContext>().WithName("SendEmailNotification")
            .WithSummary("Queues an e-mail from a template or as written (administrators, or services with notifications.send); 202 with the queued record");
        group.MapPost("/sms", SendSmsAsync).WithIdempotency<NotificationsDbContext>().WithName("SendSmsNotification")
            .WithSummary("Queues a text message from a template's text or as written (administrators, or services with notifications.send); 202 with the queued record");
        return endpoints;
    }

    private static async Task<Results<Accepted<ApiResponse<QueuedResponse>>, ApiErrorResult>> SendEmailAsync(
        SendEmailRequest request, ClaimsPrincipal principal, TemplateRenderer templates, NotificationQueue queue, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        RenderedMessage rendered;
        if (request.TemplateId is { } templateId)
        {
            var (message, error) = await RenderAsync(templateId, request.Language, request.TemplateData, templates, cancellationToken);
            if (message is null)
            {
                return error!;
            }

            rendered = request.Subject is { } subject ? message with { Subject = subject.Trim() } : message;
        }
        else
        {
            rendered = new RenderedMessage(string.Empty, request.Language ?? "en", request.Subject!.Trim(), request.Body!, request.Html ?? string.Empty, Sensitive: false);
        }

        var notification = queue.Add(NotificationChannel.Email, request.To!, request.UserId, rendered, NotificationCaller.Actor(principal));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/v1/notifications/{notification.Id}", ApiResults.Wrap(QueuedResponse.From(notification), "Email notification queued for delivery"));
    }

    private static async Task<Results<Accepted<ApiResponse<QueuedResponse>>, ApiErrorResult>> SendSmsAsync(
        SendSmsRequest request, ClaimsPrincipal principal, TemplateRenderer templates, NotificationQueue queue, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        RenderedMessage rendered;
        if (request.TemplateId is { } templateId)
        {
            var (message, error) = await RenderAsync(templateId, request.Language, request.TemplateData, templates, cancellationToken);
            if (message is null)
            {
                return error!;
            }

            if (message.Text.Length > SendSmsRequestValidator.MaxText)
            {
                return ApiResults.BadRequest("templateId", $"The template's text is longer than {SendSmsRequestValidator.MaxText} characters");
            }

            rendered = message;
        }
        else
        {
            rendered = new RenderedMessage(string.Empty, request.Language ?? "en", string.Empty, request.Message!, string.Empty, Sensitive: false);
        }

        var notification = queue.Add(NotificationChannel.Sms, request.To!, request.UserId, rendered, NotificationCaller.Actor(principal));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/v1/notifications/{notification.Id}", ApiResults.Wrap(QueuedResponse.From(notification), "SMS notification queued for delivery"));
    }

    private static async Task<(RenderedMessage? Message, ApiErrorResult? Error)> RenderAsync(
        string templateId, string? language, Dictionary<string, JsonElement>? data, TemplateRenderer templates, CancellationToken cancellationToken)
    {
        var key = Aliases.GetValueOrDefault(templateId.Trim(), templateId.Trim());
        var model = templates.NewModel();
        var values = JsonData.ToModel(data);
        foreach (var (name, value) in values)
        {
            if (name != "shop")
            {
                model.With(name, value);
            }
        }

        model.With("data", values);
        try
        {
            var rendered = await templates.RenderAsync(key, language, model, cancellationToken);
            return rendered is null
                ? (null, ApiResults.BadRequest("templateId", $"No template '{templateId}'; known: {string.Join(", ", TemplateCatalog.All.Keys)}"))
                : (rendered, null);
        }
        catch (InvalidOperationException ex)
        {
            return (null, ApiResults.Error(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError, "The template could not be rendered: " + ex.Message, "templateId"));
        }
    }
}
