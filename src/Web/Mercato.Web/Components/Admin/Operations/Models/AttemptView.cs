namespace Mercato.Web.Components.Admin.Operations.Models;

/// <summary>One attempt of a webhook delivery.</summary>
/// <param name="Number">The API's <c>number</c>.</param>
/// <param name="StartedAt">The API's <c>startedAt</c>.</param>
/// <param name="DurationMs">The API's <c>durationMs</c>.</param>
/// <param name="Url">The API's <c>url</c>.</param>
/// <param name="StatusCode">The API's <c>statusCode</c>.</param>
/// <param name="ResponseBody">The API's <c>responseBody</c>.</param>
/// <param name="Error">The API's <c>error</c>.</param>
/// <param name="Succeeded">The API's <c>succeeded</c>.</param>
public sealed record AttemptView(
    int Number,
    DateTime StartedAt,
    long DurationMs,
    string Url,
    int? StatusCode,
    string? ResponseBody,
    string? Error,
    bool Succeeded);
