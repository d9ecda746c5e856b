using Mercato.Platform.Http;

namespace Mercato.Catalog.Client;

/// <summary>Where the Catalog runs when it is not co-hosted (<c>Services:Catalog</c>, as the gateway reads it).</summary>
public sealed class CatalogClientOptions() : ModuleClientOptions(Section)
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Services:Catalog";

    /// <summary>The resilience section (<c>HttpStandardResilienceOptions</c>' shape, e.g. <c>AttemptTimeout:Timeout</c>).</summary>
    public const string ResilienceSection = Section + ":Resilience";
}
