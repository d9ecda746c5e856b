namespace Mercato.Platform.Versioning;

/// <summary>
/// Endpoint metadata marking a deprecated route (added by
/// <see cref="DeprecationExtensions.Deprecated{TBuilder}"/>): its responses carry
/// <c>Deprecation</c> (RFC 9745), <c>Sunset</c> (RFC 8594) when a removal date is set, and a
/// <c>Link</c> with <c>rel="deprecation"</c> to the deprecation policy; its OpenAPI operation says
/// <c>deprecated: true</c>.
/// </summary>
/// <param name="Since">When the route was deprecated.</param>
/// <param name="Sunset">When it stops answering, or null when no date is set yet.</param>
/// <param name="Policy">Where the deprecation policy is described (absolute, or relative to the request).</param>
public sealed record DeprecationMetadata(DateTimeOffset Since, DateTimeOffset? Sunset, Uri Policy)
{
    /// <summary>The policy link used when none is given: the interactive reference, whose introduction states the policy.</summary>
    public static readonly Uri DefaultPolicy = new(OpenApi.OpenApiSetup.ReferenceRoute, UriKind.Relative);
}
