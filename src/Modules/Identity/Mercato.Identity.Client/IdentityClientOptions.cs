using Mercato.Platform.Http;

namespace Mercato.Identity.Client;

/// <summary>Where Identity runs when it is not co-hosted (<c>Services:Identity</c>, as the gateway reads it).</summary>
public sealed class IdentityClientOptions() : ModuleClientOptions(Section)
{
    /// <summary>The configuration section.</summary>
    public const string Section = "Services:Identity";

    /// <summary>The resilience section (<c>HttpStandardResilienceOptions</c>' shape, e.g. <c>AttemptTimeout:Timeout</c>).</summary>
    public const string ResilienceSection = Section + ":Resilience";
}
