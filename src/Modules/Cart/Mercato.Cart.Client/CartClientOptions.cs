using Mercato.Platform.Http;

namespace Mercato.Cart.Client;

/// <summary>Where the Cart runs when it is not co-hosted (<c>Services:Cart</c>, as the gateway reads it).</summary>
public sealed class CartClientOptions() : ModuleClientOptions(Section)
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Services:Cart";

    /// <summary>The resilience section (<c>HttpStandardResilienceOptions</c>' shape, e.g. <c>AttemptTimeout:Timeout</c>).</summary>
    public const string ResilienceSection = Section + ":Resilience";
}
