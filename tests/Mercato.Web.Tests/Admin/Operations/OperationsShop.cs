using Mercato.Web.Tests.Support;

namespace Mercato.Web.Tests.Admin.Operations;

/// <summary>The shop of the operations tests: webhooks may reach a receiver on loopback (<c>Webhooks:AllowedHosts</c>).</summary>
public sealed class OperationsShop : WebShop
{
    /// <inheritdoc />
    protected override void Configure(IDictionary<string, string?> settings) => settings["Webhooks:AllowedHosts:0"] = "127.0.0.1/32";
}
