using System.Net;

namespace Mercato.Web.Api;

/// <summary>A file the API answered (an invoice, an export), or why it did not.</summary>
/// <param name="Status">The HTTP status.</param>
/// <param name="Content">The bytes (success only).</param>
/// <param name="ContentType">The media type.</param>
/// <param name="FileName">The suggested file name, if any.</param>
/// <param name="Errors">What went wrong (failure only).</param>
public sealed record ApiFile(HttpStatusCode Status, byte[] Content, string ContentType, string? FileName, IReadOnlyList<string> Errors)
{
    /// <summary>Whether the API answered 2xx.</summary>
    public bool Ok => (int)Status is >= 200 and < 300;
}
