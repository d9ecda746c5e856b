using Mercato.Platform.Http;

namespace Mercato.Ordering.Client;

/// <summary>Where Ordering runs when it is not co-hosted (<c>Services:Ordering</c>, as the gateway reads it).</summary>
public sealed class OrderingClientOptions() : ModuleClientOptions(Section)
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Services:Ordering";
}
