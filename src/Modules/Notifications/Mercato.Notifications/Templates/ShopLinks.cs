using Mercato.Platform.Auth;
using Microsoft.Extensions.Options;

namespace Mercato.Notifications.Templates;

/// <summary>Where shoppers open the shop: <c>Notifications:ShopUrl</c>, else <c>Auth:Issuer</c>.</summary>
internal sealed class ShopLinks(IOptions<NotificationsOptions> options, IOptions<AuthOptions> auth)
{
    /// <summary>The shop's base URL, without a trailing slash.</summary>
    public string ShopUrl => (options.Value.ShopUrl ?? auth.Value.Issuer).TrimEnd('/');
}
