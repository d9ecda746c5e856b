using Microsoft.Kiota.Abstractions;

namespace Mercato.Client.Headers;

/// <summary>
/// The <c>Idempotency-Key</c> header: the creation POSTs that honour it (orders, payments, refunds,
/// captures) replay their first answer for the same key and body, and answer 409 for the same key
/// with another body.
/// </summary>
public static class IdempotencyKeys
{
    /// <summary>The header's name.</summary>
    public const string HeaderName = "Idempotency-Key";

    /// <summary>A fresh key (a random UUID).</summary>
    /// <returns>The key.</returns>
    public static string NewKey() => Guid.NewGuid().ToString();

    /// <summary>
    /// Sends <paramref name="key"/> as this call's <c>Idempotency-Key</c> (so a retry of the same
    /// call with the same key gets the first answer back):
    /// <c>client.V1.Orders.PostAsync(body, c =&gt; c.UseIdempotencyKey(key))</c>.
    /// </summary>
    /// <typeparam name="T">The call's query parameters.</typeparam>
    /// <param name="configuration">The call's request configuration.</param>
    /// <param name="key">1 to 255 printable ASCII characters, e.g. <see cref="NewKey"/>.</param>
    public static void UseIdempotencyKey<T>(this RequestConfiguration<T> configuration, string key)
        where T : class, new()
    {
        ArgumentNullException.ThrowIfNull(configuration);
        ArgumentException.ThrowIfNullOrWhiteSpace(key);
        configuration.Headers.Remove(HeaderName);
        configuration.Headers.Add(HeaderName, key);
    }

    /// <summary>Whether <paramref name="request"/> is a creation POST that takes an <c>Idempotency-Key</c>.</summary>
    /// <param name="request">An outgoing request.</param>
    /// <returns>True for <c>POST /api/v1/orders</c>, <c>/payments/process</c>, <c>/payments/{id}/refund</c> and <c>/payments/{id}/capture</c>.</returns>
    internal static bool Takes(HttpRequestMessage request)
    {
        if (request.Method != HttpMethod.Post || request.RequestUri is null)
        {
            return false;
        }

        var segments = request.RequestUri.AbsolutePath.TrimEnd('/').Split('/', StringSplitOptions.RemoveEmptyEntries);
        var at = Array.FindIndex(segments, s => s.Equals("v1", StringComparison.OrdinalIgnoreCase));
        if (at < 0 || at + 1 >= segments.Length)
        {
            return false;
        }

        var path = segments[(at + 1)..];
        return path switch
        {
            ["orders"] => true,
            ["payments", "process"] => true,
            ["payments", _, "refund" or "capture"] => true,
            _ => false,
        };
    }
}
