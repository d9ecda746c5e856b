using System.Security.Cryptography;
using Mercato.Platform.Hosting;
using Microsoft.AspNetCore.DataProtection;

namespace Mercato.Identity.Keys;

/// <summary>
/// Protects generated private keys at rest with ASP.NET Core Data Protection: the database holds
/// <c>dp1:</c> and the protected PEM, never the PEM itself. A PEM stored in the clear by an
/// earlier version is still read, and <see cref="KeyRing"/> protects it on the next start.
/// </summary>
internal sealed class SigningKeyProtector(IDataProtectionProvider provider)
{
    private const string Prefix = "dp1:";
    private readonly IDataProtector _protector = provider.CreateProtector("Mercato.Identity.SigningKeys.v1");

    /// <summary>Whether <paramref name="stored"/> is protected (rather than a clear PEM from an earlier version).</summary>
    public static bool IsProtected(string stored) => stored.StartsWith(Prefix, StringComparison.Ordinal);

    /// <summary>The stored form of <paramref name="pem"/>.</summary>
    public string Protect(string pem) => Prefix + _protector.Protect(pem);

    /// <summary>The PEM of a stored key.</summary>
    /// <exception cref="InvalidConfigurationException">The key ring that protected it is not this process's.</exception>
    public string Unprotect(string stored)
    {
        if (!IsProtected(stored))
        {
            return stored;
        }

        try
        {
            return _protector.Unprotect(stored[Prefix.Length..]);
        }
        catch (CryptographicException ex)
        {
            throw new InvalidConfigurationException(
                "The signing keys in Identity's database were protected with another Data Protection key ring; every Identity replica must share Identity:DataProtection:KeysDirectory.",
                ex);
        }
    }
}
