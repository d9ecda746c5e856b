using System.Buffers.Text;
using System.Security.Cryptography;
using System.Text;

namespace Mercato.Cart.Carts;

/// <summary>
/// Guest cart keys: 256 random bits, base64url (43 characters). Only their SHA-256 is stored, so
/// a leaked database does not hand out carts.
/// </summary>
internal static class CartKeys
{
    /// <summary>The length of a key.</summary>
    public const int Length = 43;

    /// <summary>A new unguessable key.</summary>
    public static string New() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));

    /// <summary>Whether <paramref name="key"/> has the shape of a key (it may still match no cart).</summary>
    public static bool IsWellFormed(string? key)
        => key is { Length: Length } && key.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_');

    /// <summary>The stored form of a key.</summary>
    public static string Hash(string key) => Convert.ToHexStringLower(SHA256.HashData(Encoding.ASCII.GetBytes(key)));
}
