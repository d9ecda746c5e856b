using System.Text.Json.Serialization;

namespace Mercato.BareJson;

/// <summary>Source-generated JSON metadata for <see cref="Greeting"/>.</summary>
[JsonSerializable(typeof(Greeting))]
internal sealed partial class BareJsonContext : JsonSerializerContext;
