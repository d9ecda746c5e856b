using System.Net;

namespace Mercato.Web.Api;

/// <summary>What one call to the public API answered: the status, and the envelope's data or errors.</summary>
/// <typeparam name="T">The type of the envelope's <c>data</c>.</typeparam>
/// <param name="Status">The HTTP status.</param>
/// <param name="Data">The envelope's data (success only).</param>
/// <param name="Message">The envelope's message.</param>
/// <param name="Errors">The error envelope's entries (failure only).</param>
public sealed record ApiResult<T>(HttpStatusCode Status, T? Data, string? Message, IReadOnlyList<ApiProblem> Errors)
{
    /// <summary>Whether the API answered 2xx.</summary>
    public bool Ok => (int)Status is >= 200 and < 300;

    /// <summary>The first error's message for a field, if any (form fields show it beside the input).</summary>
    public string? ErrorFor(string field) =>
        Errors.FirstOrDefault(e => string.Equals(e.Field, field, StringComparison.OrdinalIgnoreCase))?.Message;

    /// <summary>The messages a page shows at the top: each error once, or the envelope's message.</summary>
    public IReadOnlyList<string> Messages => Errors.Count > 0
        ? [.. Errors.Select(e => e.Message).Distinct(StringComparer.Ordinal)]
        : Message is { Length: > 0 } message ? [message] : [];
}
