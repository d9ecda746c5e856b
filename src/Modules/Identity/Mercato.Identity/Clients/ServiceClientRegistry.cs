using System.Security.Cryptography;
using System.Text;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Clients;

/// <summary>The configured service clients, checked in constant time.</summary>
internal sealed class ServiceClientRegistry(IOptionsMonitor<IdentitySettings> settings)
{
    /// <summary>The client's allowed scopes if the id and secret match a configured client, otherwise null.</summary>
    public IReadOnlyList<string>? Authenticate(string clientId, string secret)
    {
        var clients = settings.CurrentValue.Clients;
        var expected = clients.TryGetValue(clientId, out var client) && TryParseHash(client.SecretHash, out var hash)
            ? hash
            : new byte[SHA256.HashSizeInBytes];
        var presented = SHA256.HashData(Encoding.UTF8.GetBytes(secret));
        // Compare even for unknown clients, so timing does not reveal which ids exist.
        var matches = CryptographicOperations.FixedTimeEquals(presented, expected);
        return matches && client is not null ? client.Scopes : null;
    }

    /// <summary>The SHA-256 hex digest a configuration should hold for <paramref name="secret"/>.</summary>
    public static string HashSecret(string secret) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(secret)));

    /// <summary>Reads a configured secret hash: 64 hex digits, optionally after <c>sha256:</c>.</summary>
    public static bool TryParseHash(string value, out byte[] hash)
    {
        hash = [];
        var hex = value.Trim();
        if (hex.StartsWith("sha256:", StringComparison.OrdinalIgnoreCase))
        {
            hex = hex["sha256:".Length..];
        }

        if (hex.Length != SHA256.HashSizeInBytes * 2)
        {
            return false;
        }

        try
        {
            hash = Convert.FromHexString(hex);
            return true;
        }
        catch (FormatException)
        {
            return false;
        }
    }
}
