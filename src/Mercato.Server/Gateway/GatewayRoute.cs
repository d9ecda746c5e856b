namespace Mercato.Server.Gateway;

/// <summary>One service the gateway fronts: the path prefixes it owns and where it runs.</summary>
/// <param name="Service">The service name (a module name, or a name from <c>Gateway:Routes</c>).</param>
/// <param name="Prefixes">Absolute path prefixes without a trailing slash, e.g. <c>/api/v1/products</c>.</param>
/// <param name="Url">The service's base URL from <c>Services:&lt;Name&gt;:Url</c>, or null when none is configured.</param>
internal sealed record GatewayRoute(string Service, IReadOnlyList<string> Prefixes, Uri? Url);
