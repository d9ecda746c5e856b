namespace Mercato.Web.Tests.Support;

/// <summary>
/// The test classes that meet the plain shop share one <see cref="WebShop"/>: one server with its
/// demo data, one Chromium and one Playwright driver started for all of them instead of one each
/// (each start seeds 200 products and launches a browser). The classes of a collection run one
/// after another, so none sees another's clicks half-done; each test still opens its own browser
/// context and makes its own customers, products and orders.
/// </summary>
[CollectionDefinition(nameof(SharedWebShop))]
public sealed class SharedWebShop : ICollectionFixture<WebShop>;
