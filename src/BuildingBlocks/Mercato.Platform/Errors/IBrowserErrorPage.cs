using Microsoft.AspNetCore.Http;

namespace Mercato.Platform.Errors;

/// <summary>
/// An error page for people rather than programs: when a process serves pages (the storefront and
/// the dashboard), a browser that asks for a page that does not exist, or meets a failure, gets an
/// HTML page instead of the API's JSON error envelope. API paths always get the envelope.
/// </summary>
public interface IBrowserErrorPage
{
    /// <summary>Whether <paramref name="context"/> is a browser's page request this writer answers.</summary>
    bool Answers(HttpContext context);

    /// <summary>Writes the page for <paramref name="statusCode"/> (the status is already set).</summary>
    Task WriteAsync(HttpContext context, int statusCode);
}
