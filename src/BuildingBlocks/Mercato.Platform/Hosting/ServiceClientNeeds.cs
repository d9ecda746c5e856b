using System.Text.Json.Serialization;

namespace Mercato.Platform.Hosting;

/// <summary>
/// What one service needs as its own OAuth client when it runs alone (distributed mode): the
/// client id it is given in Identity (<c>Identity:Clients:&lt;id&gt;</c>, and its own
/// <c>Auth:ServiceClient:ClientId</c>) and the scopes its calls to other services need.
/// </summary>
/// <param name="Service">The module's name, as <c>--services</c> spells it.</param>
/// <param name="Scopes">The scopes, in the order its consumers declare them; empty when it calls no other service.</param>
public sealed record ServiceClientNeeds(
    string Service,
    [property: JsonPropertyOrder(2)] IReadOnlyList<string> Scopes)
{
    /// <summary>What a service's client id adds to its name (<c>ordering-service</c>).</summary>
    public const string ClientIdSuffix = "-service";

    /// <summary>The client id, <c>&lt;service&gt;-service</c>; null when the service needs no client.</summary>
    [JsonPropertyOrder(1)]
    public string? ClientId => Scopes.Count == 0 ? null : Service + ClientIdSuffix;

    /// <summary>
    /// The row as <c>service-clients</c> prints it: the service, its client id and its scopes,
    /// separated by single spaces (<c>cart cart-service catalog.read logs.write</c>); the service
    /// alone when it needs no client.
    /// </summary>
    public string ToLine() => ClientId is { } id ? string.Join(' ', [Service, id, .. Scopes]) : Service;
}
