using System.Security.Cryptography;
using System.Text;

namespace Mercato.Payments;

/// <summary>The idempotency key a gateway sees for one intent of an administrator (a refund, a capture).</summary>
internal static class GatewayKeys
{
    /// <summary>The client's <c>Idempotency-Key</c>, hashed (a retry sends the same), or a new key per call when it sent none.</summary>
    public static string From(string? clientKey)
        => clientKey is null ? Guid.NewGuid().ToString("N") : "key-" + Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(clientKey)));
}
