namespace Mercato.Web.Components.Storefront;

/// <summary>Query strings of the storefront's bookmarkable addresses and of the API calls behind them.</summary>
internal static class PageQuery
{
    /// <summary><c>name=value</c> pairs joined with <c>&amp;</c>, escaped, leaving out empty values.</summary>
    public static string Of(params (string Name, string? Value)[] pairs) => string.Join(
        '&',
        pairs.Where(p => !string.IsNullOrWhiteSpace(p.Value)).Select(p => p.Name + "=" + Uri.EscapeDataString(p.Value!.Trim())));
}
