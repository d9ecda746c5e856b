namespace Mercato.Server.Gateway;

/// <summary>
/// The <c>Gateway</c> section: routes beyond the ones the known modules declare, for custom
/// services (<c>Gateway:Routes:&lt;name&gt;:Prefixes:0=/api/v1/things</c>, with the service's
/// address in <c>Services:&lt;name&gt;:Url</c>). A name that matches a module adds prefixes to it.
/// </summary>
internal sealed class GatewayOptions
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Gateway";

    /// <summary>Additional routes by service name.</summary>
    public Dictionary<string, GatewayRouteOptions> Routes { get; set; } = new(StringComparer.OrdinalIgnoreCase);
}

/// <summary>One configured route (<c>Gateway:Routes:&lt;name&gt;</c>).</summary>
internal sealed class GatewayRouteOptions
{
    /// <summary>The path prefixes the service owns, e.g. <c>/api/v1/things</c>.</summary>
    public string[] Prefixes { get; set; } = [];
}
