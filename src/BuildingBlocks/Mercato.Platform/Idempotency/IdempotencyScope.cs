using System.Security.Cryptography;
using System.Text;
using Mercato.Platform.Auth;
using Microsoft.AspNetCore.Http;

namespace Mercato.Platform.Idempotency;

/// <summary>
/// Whose namespace an <c>Idempotency-Key</c> lives in, so one caller can never see or block
/// another caller's response by guessing their key:
/// <list type="bullet">
/// <item>a signed-in caller (user or service token): <c>sub:&lt;sub claim&gt;</c>;</item>
/// <item>a guest sending <c>X-Cart-Key</c>: <c>cart:&lt;SHA-256 of the cart key&gt;</c> (the cart key is a
/// credential, so only its hash is stored);</item>
/// <item>any other guest: <c>ip:&lt;client IP&gt;</c>, after forwarded-header processing.</item>
/// </list>
/// Values longer than 128 characters are stored as their SHA-256.
/// </summary>
public static class IdempotencyScope
{
    /// <summary>The longest scope stored.</summary>
    public const int MaxLength = 200;

    private const int MaxPlainLength = 128;

    /// <summary>The scope of the current caller.</summary>
    public static string Of(HttpContext context)
    {
        if (context.User.Identity?.IsAuthenticated == true
            && context.User.FindFirst(MercatoClaims.Subject)?.Value is { Length: > 0 } subject)
        {
            return "sub:" + Bounded(subject);
        }

        if (context.Request.Headers[Http.CartKeyHeader.Name] is { Count: 1 } cart && !string.IsNullOrEmpty(cart[0]))
        {
            return "cart:" + Sha256Hex(cart[0]!);
        }

        return "ip:" + (context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
    }

    private static string Bounded(string value) => value.Length <= MaxPlainLength ? value : "sha256-" + Sha256Hex(value);

    private static string Sha256Hex(string value) => Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
}
