using System.Security.Claims;
using Mercato.Notifications.Data;
using Mercato.Notifications.Messages;
using Mercato.Notifications.Templates;
using Mercato.Platform.Auth;
using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Routing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Notifications.Api;

/// <summary>
/// Templates for administrators: list, read, replace in a language, go back to the shipped one,
/// preview with sample data (optionally a draft), and send a sample to an address.
/// </summary>
internal static class TemplatesApi
{
    /// <summary>Maps the endpoints.</summary>
    public static IEndpointRouteBuilder MapTemplatesApi(this IEndpointRouteBuilder endpoints)
    {
        var group = endpoints.ModuleGroup(NotificationsModule.Descriptor).MapGroup("/api/v1/notifications/templates")
            .WithTags("Notification templates").RequireAdmin();
        group.MapGet("/", ListAsync).WithName("ListNotificationTemplates")
            .WithSummary("Every template, with the languages shipped and those replaced (administrators)");
        group.MapGet("/{key}", GetAsync).WithName("GetNotificationTemplate")
            .WithSummary("A template's Liquid parts as they render now in a language (administrators)");
        group.MapPut("/{key}", SaveAsync).WithName("SaveNotificationTemplate")
            .WithSummary("Replaces a template in a language with Liquid subject, text and HTML; each part is checked (administrators)");
        group.MapDelete("/{key}", ResetAsync).WithName("ResetNotificationTemplate")
            .WithSummary("Goes back to the shipped template in a language (administrators)");
        group.MapPost("/{key}/preview", PreviewAsync).WithName("PreviewNotificationTemplate")
            .WithSummary("Renders a template, or a draft of it, with sample data (administrators)");
        group.MapPost("/{key}/test", TestAsync).WithName("TestNotificationTemplate")
            .WithSummary("Sends a template rendered with sample data to an address (administrators); 202 with the queued record");
        return endpoints;
    }

    private static async Task<Ok<ApiResponse<IReadOnlyList<TemplateSummary>>>> ListAsync(NotificationsDbContext db, CancellationToken cancellationToken)
    {
        var overridden = await db.TemplateOverrides.AsNoTracking().Select(t => new { t.Key, t.Language }).ToListAsync(cancellationToken);
        IReadOnlyList<TemplateSummary> list = [.. TemplateCatalog.All.Values.OrderBy(d => d.Key, StringComparer.Ordinal).Select(d => new TemplateSummary(
            d.Key,
            d.Description,
            d.Sensitive,
            DefaultTemplates.LanguagesOf(d.Key),
            [.. overridden.Where(o => o.Key == d.Key).Select(o => o.Language).Order(StringComparer.Ordinal)]))];
        return ApiResults.Ok(list);
    }

    private static async Task<Results<Ok<ApiResponse<TemplateResponse>>, ApiErrorResult>> GetAsync(
        string key, string? language, TemplateRenderer templates, CancellationToken cancellationToken)
    {
        if (LanguageError(language) is { } error)
        {
            return error;
        }

        var source = await templates.FindAsync(key, language, cancellationToken);
        return source is null ? UnknownTemplate(key) : ApiResults.Ok(TemplateResponse.From(source));
    }

    private static async Task<Results<Ok<ApiResponse<TemplateResponse>>, ApiErrorResult>> SaveAsync(
        string key, SaveTemplateRequest request, ClaimsPrincipal principal, NotificationsDbContext db, IOptions<NotificationsOptions> options, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!TemplateCatalog.All.ContainsKey(key))
        {
            return UnknownTemplate(key);
        }

        var language = request.Language ?? options.Value.DefaultLanguage;
        var saved = await db.TemplateOverrides.FirstOrDefaultAsync(t => t.Key == key && t.Language == language, cancellationToken);
        if (saved is null)
        {
            saved = new TemplateOverride { Key = key, Language = language };
            db.TemplateOverrides.Add(saved);
        }

        saved.Subject = request.Subject!;
        saved.Text = request.Text!;
        saved.Html = request.Html!;
        saved.UpdatedBy = NotificationCaller.Actor(principal);
        saved.UpdatedAt = time.GetUtcNow().UtcDateTime;
        await db.SaveChangesAsync(cancellationToken);
        return ApiResults.Ok(new TemplateResponse(key, language, saved.Subject, saved.Text, saved.Html, IsDefault: false), "Template saved");
    }

    private static async Task<Results<Ok<ApiResponse<TemplateResponse>>, ApiErrorResult>> ResetAsync(
        string key, string? language, NotificationsDbContext db, TemplateRenderer templates, IOptions<NotificationsOptions> options, CancellationToken cancellationToken)
    {
        if (LanguageError(language) is { } error)
        {
            return error;
        }

        if (!TemplateCatalog.All.ContainsKey(key))
        {
            return UnknownTemplate(key);
        }

        var wanted = language ?? options.Value.DefaultLanguage;
        var replacement = await db.TemplateOverrides.FirstOrDefaultAsync(t => t.Key == key && t.Language == wanted, cancellationToken);
        if (replacement is null)
        {
            return ApiResults.NotFound($"The template '{key}' has no replacement in '{wanted}'");
        }

        // A tracked removal, so the audit trail keeps what the administrator's template said.
        db.TemplateOverrides.Remove(replacement);
        await db.SaveChangesAsync(cancellationToken);

        var source = await templates.FindAsync(key, wanted, cancellationToken);
        return ApiResults.Ok(TemplateResponse.From(source!), "Template reset to the shipped version");
    }

    private static async Task<Results<Ok<ApiResponse<PreviewResponse>>, ApiErrorResult>> PreviewAsync(
        string key, PreviewTemplateRequest request, TemplateRenderer templates, CancellationToken cancellationToken)
    {
        var source = await templates.FindAsync(key, request.Language, cancellationToken);
        if (source is null)
        {
            return UnknownTemplate(key);
        }

        source = source with { Subject = request.Subject ?? source.Subject, Text = request.Text ?? source.Text, Html = request.Html ?? source.Html };
        var model = TemplateCatalog.All[key].Sample(templates.NewModel());
        foreach (var (name, value) in JsonData.ToModel(request.Data))
        {
            model.With(name, value);
        }

        try
        {
            var rendered = await TemplateRenderer.RenderAsync(source, model);
            return ApiResults.Ok(new PreviewResponse(key, rendered.Language, rendered.Subject, rendered.Text, rendered.Html));
        }
        catch (InvalidOperationException ex)
        {
            return ApiResults.Error(StatusCodes.Status422UnprocessableEntity, ErrorCodes.ValidationError, "The template could not be rendered: " + ex.Message, "text");
        }
    }

    private static async Task<Results<Accepted<ApiResponse<QueuedResponse>>, ApiErrorResult>> TestAsync(
        string key, TestTemplateRequest request, ClaimsPrincipal principal, TemplateRenderer templates, NotificationQueue queue, NotificationsDbContext db, CancellationToken cancellationToken)
    {
        if (!TemplateCatalog.All.TryGetValue(key, out var definition))
        {
            return UnknownTemplate(key);
        }

        var rendered = await templates.RenderAsync(key, request.Language, definition.Sample(templates.NewModel()), cancellationToken);
        var notification = queue.Add(NotificationChannel.Email, request.To!, null, rendered!, NotificationCaller.Actor(principal));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Accepted($"/api/v1/notifications/{notification.Id}", ApiResults.Wrap(QueuedResponse.From(notification), "Test message queued for delivery"));
    }

    private static ApiErrorResult? LanguageError(string? language)
        => language is null || Languages.IsValid(language) ? null : ApiResults.BadRequest("language", "language must be a language tag such as en or pt-BR");

    private static ApiErrorResult UnknownTemplate(string key)
        => ApiResults.NotFound($"No template '{key}'; known: {string.Join(", ", TemplateCatalog.All.Keys)}");
}
