using Mercato.Notifications.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace Mercato.Notifications.Templates;

/// <summary>
/// Finds a template and renders it. Languages are tried best first (the one asked for, that
/// language without its region, the shop's default language, English); in each, an
/// administrator's override comes before the shipped template.
/// </summary>
internal sealed class TemplateRenderer(NotificationsDbContext db, IOptions<NotificationsOptions> options, ShopLinks links)
{
    /// <summary>A model with <c>shop</c> filled in, to add the rest to.</summary>
    public MessageModel NewModel() => new(options.Value, links.ShopUrl);

    /// <summary>The source <paramref name="key"/> renders from in <paramref name="language"/>, or null when the key is unknown.</summary>
    public async Task<TemplateSource?> FindAsync(string key, string? language, CancellationToken cancellationToken)
    {
        if (!TemplateCatalog.All.ContainsKey(key))
        {
            return null;
        }

        var candidates = Languages.Candidates(language, options.Value.DefaultLanguage);
        var overrides = await db.TemplateOverrides.AsNoTracking()
            .Where(t => t.Key == key && candidates.Contains(t.Language))
            .ToListAsync(cancellationToken);
        foreach (var candidate in candidates)
        {
            if (overrides.FirstOrDefault(t => t.Language == candidate) is { } chosen)
            {
                return From(chosen);
            }

            if (DefaultTemplates.Find(key, candidate) is { } shipped)
            {
                return shipped;
            }
        }

        return null;
    }

    /// <summary>Renders <paramref name="key"/> with <paramref name="model"/>, or null when the key is unknown.</summary>
    public async Task<RenderedMessage?> RenderAsync(string key, string? language, MessageModel model, CancellationToken cancellationToken)
    {
        var source = await FindAsync(key, language, cancellationToken);
        return source is null ? null : await RenderAsync(source, model);
    }

    /// <summary>Renders <paramref name="source"/> with <paramref name="model"/>.</summary>
    public static async Task<RenderedMessage> RenderAsync(TemplateSource source, MessageModel model)
    {
        var subject = await LiquidTemplates.RenderAsync(source.Subject, model.Data, html: false);
        var text = await LiquidTemplates.RenderAsync(source.Text, model.Data, html: false);
        var html = await LiquidTemplates.RenderAsync(source.Html, model.Data, html: true);
        var sensitive = TemplateCatalog.All.TryGetValue(source.Key, out var definition) && definition.Sensitive;
        return new RenderedMessage(source.Key, source.Language, OneLine(subject), text.Trim() + "\n", html, sensitive);
    }

    private static TemplateSource From(TemplateOverride o) => new(o.Key, o.Language, o.Subject, o.Text, o.Html, IsDefault: false);

    private static string OneLine(string subject)
        => string.Join(' ', subject.Split(['\r', '\n', '\t'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries));
}
