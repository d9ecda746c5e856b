using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.Extensions.Options;

namespace Mercato.Web.Api;

/// <summary>
/// Where the UI reaches the public API: <c>Web:ApiUrl</c> when set (the gateway, in distributed
/// mode), else the process's own first HTTP address on loopback (embedded mode calls itself, so
/// the API it uses is exactly the one every other client uses).
/// </summary>
/// <param name="options">The UI's settings.</param>
/// <param name="server">The server, for its listening addresses.</param>
public sealed class ApiAddress(IOptions<WebOptions> options, IServer server)
{
    private Uri? _resolved;

    /// <summary>The API's base address (resolved once the server listens).</summary>
    /// <exception cref="InvalidOperationException">No address is configured and the server has none yet.</exception>
    public Uri BaseAddress => _resolved ??= Resolve();

    private Uri Resolve()
    {
        if (options.Value.ApiUrl is { Length: > 0 } configured)
        {
            return new Uri(configured.TrimEnd('/') + "/");
        }

        var addresses = server.Features.Get<IServerAddressesFeature>()?.Addresses ?? [];
        var chosen = addresses.OrderBy(a => a.StartsWith("http://", StringComparison.OrdinalIgnoreCase) ? 0 : 1).FirstOrDefault()
            ?? throw new InvalidOperationException("Web:ApiUrl is not set and the server has no listening address to call itself on.");
        var uri = new UriBuilder(chosen.Replace("://+", "://localhost", StringComparison.Ordinal).Replace("://*", "://localhost", StringComparison.Ordinal));
        if (uri.Host is "0.0.0.0" or "localhost")
        {
            uri.Host = "127.0.0.1";
        }
        else if (uri.Host is "[::]" or "::")
        {
            uri.Host = "[::1]";
        }

        uri.Path = "/";
        return uri.Uri;
    }
}
