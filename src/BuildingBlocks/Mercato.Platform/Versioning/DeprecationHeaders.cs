using System.Globalization;
using Microsoft.AspNetCore.Http;

namespace Mercato.Platform.Versioning;

/// <summary>Writes the deprecation headers of the endpoint that answered, when it has <see cref="DeprecationMetadata"/>.</summary>
internal static class DeprecationHeaders
{
    /// <summary>RFC 9745's header: <c>@</c> and the Unix time of the deprecation.</summary>
    public const string Deprecation = "Deprecation";

    /// <summary>RFC 8594's header: the HTTP-date of the removal.</summary>
    public const string Sunset = "Sunset";

    /// <summary>Adds the headers to the response about to start (nothing for a route that is not deprecated).</summary>
    public static void Apply(HttpContext context)
    {
        if (context.GetEndpoint()?.Metadata.GetMetadata<DeprecationMetadata>() is not { } deprecation)
        {
            return;
        }

        var headers = context.Response.Headers;
        headers[Deprecation] = "@" + deprecation.Since.ToUnixTimeSeconds().ToString(CultureInfo.InvariantCulture);
        if (deprecation.Sunset is { } sunset)
        {
            headers[Sunset] = sunset.ToUniversalTime().ToString("R", CultureInfo.InvariantCulture);
        }

        headers.Append("Link", $"<{deprecation.Policy.OriginalString}>; rel=\"deprecation\"; type=\"text/html\"");
    }
}
