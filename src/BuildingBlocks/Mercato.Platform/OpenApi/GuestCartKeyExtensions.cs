using Microsoft.AspNetCore.Builder;

namespace Mercato.Platform.OpenApi;

/// <summary>Declares that operations accept a guest's <c>X-Cart-Key</c> (see <see cref="GuestCartKeyMetadata"/>).</summary>
public static class GuestCartKeyExtensions
{
    /// <summary>
    /// Documents the guest's <c>X-Cart-Key</c> as an alternative to a bearer token; with
    /// <paramref name="required"/>, a call with neither answers 401.
    /// </summary>
    public static TBuilder AcceptsGuestCartKey<TBuilder>(this TBuilder builder, bool required)
        where TBuilder : IEndpointConventionBuilder =>
        builder.WithMetadata(new GuestCartKeyMetadata(required));
}
