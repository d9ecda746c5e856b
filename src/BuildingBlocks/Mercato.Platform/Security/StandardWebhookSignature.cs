using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace Mercato.Platform.Security;

/// <summary>
/// Webhook signatures as the Standard Webhooks specification (1.0) defines them: the headers
/// <c>webhook-id</c>, <c>webhook-timestamp</c> (Unix seconds) and <c>webhook-signature</c>
/// (<c>v1,</c> + base64 of HMAC-SHA256 over <c>id.timestamp.body</c>, several separated by
/// spaces during a key rotation); secrets are <c>whsec_</c> + base64 of the key.
/// </summary>
public static class StandardWebhookSignature
{
    /// <summary>The message id header.</summary>
    public const string IdHeader = "webhook-id";

    /// <summary>The timestamp header (Unix seconds).</summary>
    public const string TimestampHeader = "webhook-timestamp";

    /// <summary>The signature header.</summary>
    public const string SignatureHeader = "webhook-signature";

    /// <summary>The secret prefix.</summary>
    public const string SecretPrefix = "whsec_";

    /// <summary>How far a timestamp may be from now before a signature is refused (5 minutes, as the specification advises).</summary>
    public static readonly TimeSpan DefaultTolerance = TimeSpan.FromMinutes(5);

    /// <summary>A new random secret (<c>whsec_</c> + base64 of 32 random bytes).</summary>
    public static string NewSecret() => SecretPrefix + Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    /// <summary>The key of a secret: the base64 after <c>whsec_</c>.</summary>
    /// <exception cref="FormatException">The secret is not <c>whsec_</c> + base64.</exception>
    public static byte[] KeyOf(string secret)
    {
        ArgumentNullException.ThrowIfNull(secret);
        return Convert.FromBase64String(secret.StartsWith(SecretPrefix, StringComparison.Ordinal) ? secret[SecretPrefix.Length..] : secret);
    }

    /// <summary>The <c>webhook-signature</c> value (<c>v1,...</c>) of a message.</summary>
    public static string Sign(string secret, string messageId, long timestamp, ReadOnlySpan<byte> body)
    {
        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{messageId}.{timestamp}."));
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret), signed));
    }

    /// <summary>
    /// Whether <paramref name="signatureHeader"/> holds a valid <c>v1</c> signature of the message
    /// by <paramref name="secret"/>, with a timestamp within <paramref name="tolerance"/> of
    /// <paramref name="now"/>. Compared in constant time.
    /// </summary>
    public static bool Verify(
        string secret, string? messageId, string? timestamp, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(messageId) || string.IsNullOrEmpty(signatureHeader)
            || !long.TryParse(timestamp, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds)
            || seconds > now.AddSeconds(tolerance.TotalSeconds).ToUnixTimeSeconds()
            || seconds < now.AddSeconds(-tolerance.TotalSeconds).ToUnixTimeSeconds())
        {
            return false;
        }

        var expected = Encoding.ASCII.GetBytes(Sign(secret, messageId, seconds, body));
        foreach (var candidate in signatureHeader.Split(' ', StringSplitOptions.RemoveEmptyEntries))
        {
            if (CryptographicOperations.FixedTimeEquals(Encoding.ASCII.GetBytes(candidate), expected))
            {
                return true;
            }
        }

        return false;
    }
}
