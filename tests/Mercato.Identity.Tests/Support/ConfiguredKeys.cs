using System.Globalization;
using System.Security.Cryptography;

namespace Mercato.Identity.Tests.Support;

/// <summary>Fresh private keys as PEM, and the settings that configure them as signing keys.</summary>
public static class ConfiguredKeys
{
    /// <summary>A new P-256 private key, PKCS#8 PEM.</summary>
    public static string NewEcPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>A new RSA private key of <paramref name="bits"/>, PKCS#1 PEM.</summary>
    public static string NewRsaPem(int bits = 2048)
    {
        using var key = RSA.Create(bits);
        return key.ExportRSAPrivateKeyPem();
    }

    /// <summary>The settings of configured key number <paramref name="index"/>.</summary>
    public static Dictionary<string, string?> Key(
        int index, string algorithm, string? pem = null, string? keyId = null, DateTimeOffset? activatesAt = null, DateTimeOffset? retiresAt = null)
    {
        var prefix = $"Identity:SigningKeys:Keys:{index}:";
        var settings = new Dictionary<string, string?>(StringComparer.OrdinalIgnoreCase) { [prefix + "Algorithm"] = algorithm };
        if (pem is not null)
        {
            settings[prefix + "PrivateKeyPem"] = pem;
        }

        if (keyId is not null)
        {
            settings[prefix + "KeyId"] = keyId;
        }

        if (activatesAt is { } activates)
        {
            settings[prefix + "ActivatesAt"] = activates.ToString("o", CultureInfo.InvariantCulture);
        }

        if (retiresAt is { } retires)
        {
            settings[prefix + "RetiresAt"] = retires.ToString("o", CultureInfo.InvariantCulture);
        }

        return settings;
    }

    /// <summary>Adds <paramref name="settings"/> to a host that has not started yet.</summary>
    public static void Apply(this IdentityFactory factory, IDictionary<string, string?> settings)
    {
        foreach (var (key, value) in settings)
        {
            factory.Settings[key] = value;
        }
    }
}
