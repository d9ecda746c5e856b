using System.Security.Cryptography;
using System.Text;

namespace Mercato.Platform.Security;

/// <summary>
/// Seed 004's webhook signature: the header <c>X-Webhook-Signature: sha256=&lt;hex&gt;</c>, the
/// lowercase hex HMAC-SHA256 of the raw body keyed by the UTF-8 bytes of the whole secret text
/// (prefix included), as the seed's C# verification example computes it.
/// </summary>
public static class HexWebhookSignature
{
    /// <summary>The header.</summary>
    public const string HeaderName = "X-Webhook-Signature";

    /// <summary>The header's value for <paramref name="body"/> signed with <paramref name="secret"/>.</summary>
    public static string Sign(string secret, ReadOnlySpan<byte> body)
        => "sha256=" + Convert.ToHexStringLower(HMACSHA256.HashData(Encoding.UTF8.GetBytes(secret), body));

    /// <summary>Whether <paramref name="header"/> is the signature of <paramref name="body"/> by <paramref name="secret"/> (constant time).</summary>
    public static bool Verify(string secret, string? header, ReadOnlySpan<byte> body)
        => header is not null
            && CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(header), Encoding.ASCII.GetBytes(Sign(secret, body)));
}
