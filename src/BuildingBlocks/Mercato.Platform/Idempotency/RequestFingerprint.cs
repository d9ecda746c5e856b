using System.Security.Cryptography;
using System.Text;
using Microsoft.AspNetCore.Http;

namespace Mercato.Platform.Idempotency;

/// <summary>
/// The hash that tells "the same request again" from "a different request with a reused key":
/// SHA-256 over the method, the path, the query string and the body bytes exactly as sent.
/// </summary>
internal static class RequestFingerprint
{
    private static readonly byte[] Separator = [0];

    /// <summary>
    /// Hashes the current request. The body must be buffered (the platform's middleware does
    /// that for endpoints with <c>WithIdempotency</c>), because binding has already read it.
    /// </summary>
    public static async Task<string> ComputeAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        if (!request.Body.CanSeek)
        {
            throw new InvalidOperationException(
                "The request body is not buffered: call UseMercatoPlatform() so idempotent endpoints can hash the body as sent.");
        }

        using var hash = Start(request.Method, (request.PathBase + request.Path).Value ?? "/", request.QueryString.Value);
        request.Body.Position = 0;
        var buffer = new byte[16 * 1024];
        int read;
        while ((read = await request.Body.ReadAsync(buffer, cancellationToken)) > 0)
        {
            hash.AppendData(buffer, 0, read);
        }

        request.Body.Position = 0;
        return Convert.ToHexStringLower(hash.GetHashAndReset());
    }

    private static IncrementalHash Start(string method, string path, string? query)
    {
        var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
        foreach (var part in new[] { method.ToUpperInvariant(), path, query ?? string.Empty })
        {
            hash.AppendData(Encoding.UTF8.GetBytes(part));
            hash.AppendData(Separator);
        }

        return hash;
    }
}
