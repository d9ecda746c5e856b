namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>A notification record (a mail or a text message).</summary>
/// <param name="Id">The API's <c>id</c>.</param>
/// <param name="Type">The API's <c>type</c>.</param>
/// <param name="To">The API's <c>to</c>.</param>
/// <param name="Subject">The API's <c>subject</c>.</param>
/// <param name="Template">The API's <c>template</c>.</param>
/// <param name="Language">The API's <c>language</c>.</param>
/// <param name="Status">The API's <c>status</c>.</param>
/// <param name="Attempts">The API's <c>attempts</c>.</param>
/// <param name="QueuedAt">The API's <c>queuedAt</c>.</param>
/// <param name="NextAttemptAt">The API's <c>nextAttemptAt</c>.</param>
/// <param name="SentAt">The API's <c>sentAt</c>.</param>
/// <param name="Error">The API's <c>error</c>.</param>
/// <param name="ProviderMessageId">The API's <c>providerMessageId</c>.</param>
/// <param name="Body">The API's <c>body</c>.</param>
/// <param name="HtmlBody">The API's <c>htmlBody</c>.</param>
/// <param name="ResentFrom">The API's <c>resentFrom</c>.</param>
public sealed record NotificationView(
    Guid Id,
    string Type,
    string To,
    string? Subject,
    string? Template,
    string Language,
    string Status,
    int Attempts,
    DateTime QueuedAt,
    DateTime? NextAttemptAt,
    DateTime? SentAt,
    string? Error,
    string? ProviderMessageId,
    string? Body,
    string? HtmlBody,
    Guid? ResentFrom);
