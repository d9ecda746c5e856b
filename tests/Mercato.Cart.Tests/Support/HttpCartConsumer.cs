using Mercato.Cart.Client;
using Mercato.Cart.Contracts;
using Mercato.Testing;

namespace Mercato.Cart.Tests.Support;

/// <summary>
/// Ordering in another process: a host that only calls <see cref="CartClientSetup.AddCartClient"/>,
/// configured to reach a Cart test server with the <c>checkout</c> service client's token (or
/// another client's), behind <see cref="NetworkFaults"/>.
/// </summary>
/// <param name="cart">The Cart (and Identity) test server.</param>
/// <param name="clientId">The service client whose token the calls carry.</param>
/// <param name="settings">More configuration, e.g. <c>Services:Cart:Resilience:*</c>.</param>
public sealed class HttpCartConsumer(CartFactory cart, string clientId = CartFactory.CheckoutClient, IReadOnlyDictionary<string, string?>? settings = null)
    : ModuleClientConsumer(
        cart.Server, CartClientOptions.Section, CartClientSetup.HttpClientName, b => b.AddCartClient(CartScopes.Checkout), clientId, CartFactory.ClientSecret, settings);
