namespace Mercato.Notifications.Templates;

/// <summary>A template Mercato knows: what it is for, whether its messages carry a secret, and data to preview it with.</summary>
/// <param name="Key">Its key (<c>order-shipped</c>).</param>
/// <param name="Description">When it is sent.</param>
/// <param name="Sensitive">Whether its messages carry a secret (a reset link, a code), so the API never shows their bodies.</param>
/// <param name="Sample">Adds data shaped like the real data to a model, for previews and tests.</param>
internal sealed record TemplateDefinition(string Key, string Description, bool Sensitive, Func<MessageModel, MessageModel> Sample);
