using System.Diagnostics.CodeAnalysis;
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

    /// <summary>The fewest key bytes a secret may have (192 bits, as the specification requires).</summary>
    public const int MinimumKeyBytes = 24;

    /// <summary>The most key bytes a secret may have (512 bits, the specification's maximum).</summary>
    public const int MaximumKeyBytes = 64;

    /// <summary>
    /// Whether <paramref name="secret"/> is a usable symmetric secret: <c>whsec_</c> and the base64 of
    /// <see cref="MinimumKeyBytes"/> to <see cref="MaximumKeyBytes"/> bytes. False, with the reason, otherwise.
    /// </summary>
    public static bool TryValidateSecret(string? secret, [NotNullWhen(false)] out string? problem)
    {
        if (string.IsNullOrWhiteSpace(secret) || !secret.StartsWith(SecretPrefix, StringComparison.Ordinal))
        {
            problem = $"The secret must start with '{SecretPrefix}'";
            return false;
        }

        var encoded = secret[SecretPrefix.Length..];
        if (!Convert.TryFromBase64String(encoded, new byte[(encoded.Length * 3 / 4) + 3], out var length))
        {
            problem = $"The secret must be '{SecretPrefix}' followed by base64";
            return false;
        }

        if (length is < MinimumKeyBytes or > MaximumKeyBytes)
        {
            problem = $"The secret must encode {MinimumKeyBytes} to {MaximumKeyBytes} bytes; it encodes {length}";
            return false;
        }

        problem = null;
        return true;
    }

    /// <summary>The <c>webhook-signature</c> value (<c>v1,...</c>) of a message.</summary>
    /// <exception cref="ArgumentException">The id is empty or holds a full stop (the signed content is delimited by full stops).</exception>
    public static string Sign(string secret, string messageId, long timestamp, ReadOnlySpan<byte> body)
        => Sign([secret], messageId, timestamp, body);

    /// <summary>
    /// The <c>webhook-signature</c> value signed with each of <paramref name="secrets"/>, space
    /// separated, in their order: during a secret's rotation the old and the new both sign, so a
    /// receiver holding either verifies the message.
    /// </summary>
    /// <exception cref="ArgumentException">No secret is given, or the id is empty or holds a full stop.</exception>
    public static string Sign(IReadOnlyList<string> secrets, string messageId, long timestamp, ReadOnlySpan<byte> body)
    {
        ArgumentNullException.ThrowIfNull(secrets);
        if (secrets.Count == 0)
        {
            throw new ArgumentException("At least one secret signs a message.", nameof(secrets));
        }

        var content = SignedContent(messageId, timestamp, body);
        return string.Join(' ', secrets.Select(secret => "v1," + Convert.ToBase64String(HMACSHA256.HashData(KeyOf(secret), content))));
    }

    /// <summary>What is signed: <c>{id}.{timestamp}.{body}</c>.</summary>
    private static byte[] SignedContent(string messageId, long timestamp, ReadOnlySpan<byte> body)
    {
        if (string.IsNullOrEmpty(messageId) || messageId.Contains('.', StringComparison.Ordinal))
        {
            throw new ArgumentException("A message id must be non-empty and hold no full stop.", nameof(messageId));
        }

        var prefix = Encoding.UTF8.GetBytes(string.Create(CultureInfo.InvariantCulture, $"{messageId}.{timestamp}."));
        var signed = new byte[prefix.Length + body.Length];
        prefix.CopyTo(signed, 0);
        body.CopyTo(signed.AsSpan(prefix.Length));
        return signed;
    }

    /// <summary>
    /// Whether <paramref name="signatureHeader"/> holds a valid <c>v1</c> signature of the message
    /// by <paramref name="secret"/>, with a timestamp within <paramref name="tolerance"/> of
    /// <paramref name="now"/>. Compared in constant time.
    /// </summary>
    public static bool Verify(
        string secret, string? messageId, string? timestamp, string? signatureHeader, ReadOnlySpan<byte> body, DateTimeOffset now, TimeSpan tolerance)
    {
        if (string.IsNullOrEmpty(messageId) || messageId.Contains('.', StringComparison.Ordinal) || string.IsNullOrEmpty(signatureHeader)
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
