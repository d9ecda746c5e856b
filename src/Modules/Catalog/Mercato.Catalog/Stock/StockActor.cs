using System.Security.Claims;
using Mercato.Platform.Auth;

namespace Mercato.Catalog.Stock;

/// <summary>Who moved stock, as the ledger records it.</summary>
internal static class StockActor
{
    /// <summary>The caller's subject (user id or service client id).</summary>
    public static string? Of(ClaimsPrincipal principal)
        => principal.FindFirstValue(MercatoClaims.Subject) ?? principal.FindFirstValue(MercatoClaims.ClientId);
}
