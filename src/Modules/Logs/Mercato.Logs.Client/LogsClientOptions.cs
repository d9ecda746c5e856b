using Mercato.Platform.Http;

namespace Mercato.Logs.Client;

/// <summary>Where the Logs service runs when it is not co-hosted (<c>Services:Logs</c>, as the gateway reads it).</summary>
public sealed class LogsClientOptions() : ModuleClientOptions(Section)
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Services:Logs";
}
