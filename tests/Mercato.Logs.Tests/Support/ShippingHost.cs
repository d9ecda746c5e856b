using Mercato.Testing;

namespace Mercato.Logs.Tests.Support;

/// <summary>
/// A Mercato.Server hosting Catalog alone (distributed mode), shipping its logs over HTTP to the
/// Logs service at <paramref name="logsUrl"/> with the service client <see cref="LogsFactory.ShipperClient"/>.
/// </summary>
/// <param name="logsUrl">The Logs service (which also hosts Identity, the token issuer).</param>
public sealed class ShippingHost(string logsUrl) : ModuleHostFactory<Program>("catalog", postgres: false, "mercato_logs_ship")
{
    /// <summary>Applies the shipping settings; call before the first client.</summary>
    public ShippingHost Configure(IReadOnlyDictionary<string, string>? overrides = null)
    {
        Settings["Catalog:DemoData:Enabled"] = "false";
        Settings["Logging:LogLevel:Default"] = "Information";
        Settings["Auth:Issuer"] = logsUrl;
        Settings["Services:Logs:Url"] = logsUrl;
        Settings["Auth:ServiceClient:ClientId"] = LogsFactory.ShipperClient;
        Settings["Auth:ServiceClient:ClientSecret"] = LogsFactory.ClientSecret;
        Settings["Auth:ServiceClient:TokenEndpoint"] = logsUrl.TrimEnd('/') + "/api/v1/auth/token";
        Settings["Logs:Shipping:FlushInterval"] = "00:00:00.100";
        foreach (var (key, value) in overrides ?? new Dictionary<string, string>())
        {
            Settings[key] = value;
        }

        return this;
    }
}
