namespace Mercato.Platform.OpenApi;

/// <summary>
/// Endpoint metadata: a guest may call the operation with the <c>X-Cart-Key</c> of their cart
/// instead of a bearer token. The document then lists the <see cref="OpenApiNames.CartKeyScheme"/>
/// security scheme as an alternative to bearer, and a 401 when neither is optional.
/// </summary>
/// <param name="Required">
/// Whether the caller must send one of the two (a call with neither answers 401), rather than
/// being served anonymously without either.
/// </param>
public sealed record GuestCartKeyMetadata(bool Required);
