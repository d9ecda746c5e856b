using System.Text.Json.Serialization;
using Mercato.Identity.Keys;

namespace Mercato.Identity.Discovery;

/// <summary>A JSON Web Key Set (RFC 7517 §5): the published public keys.</summary>
/// <param name="Keys">The keys, newest first.</param>
internal sealed record JsonWebKeySetDocument([property: JsonPropertyName("keys")] IReadOnlyList<JsonWebKeyDocument> Keys);
