using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http.Metadata;

namespace Mercato.Platform.Binding;

/// <summary>Other seeds' input names on an endpoint or a route group.</summary>
public static class RequestAliasSetup
{
    /// <summary>The content types an endpoint with <see cref="RequestAliasesBuilder.AcceptForm"/> reads.</summary>
    public static readonly string[] FormAndJson = ["application/json", "application/x-www-form-urlencoded", "multipart/form-data"];

    /// <summary>
    /// Declares aliases for the endpoint's (or every endpoint of the group's) inputs. Aliases of
    /// a group and of its endpoints add up.
    /// </summary>
    /// <typeparam name="TBuilder">An endpoint or a route group.</typeparam>
    /// <param name="builder">The endpoint or group.</param>
    /// <param name="configure">Declares the aliases.</param>
    /// <param name="requestType">The body type, described with the form content types in the API document when forms are accepted.</param>
    public static TBuilder WithAliases<TBuilder>(this TBuilder builder, Action<RequestAliasesBuilder> configure, Type? requestType = null)
        where TBuilder : IEndpointConventionBuilder
    {
        var aliases = new RequestAliasesBuilder();
        configure(aliases);
        builder.WithMetadata(aliases.Aliases);
        if (aliases.Aliases.AcceptForm)
        {
            // Routing refuses a content type the endpoint does not declare (415) before any middleware runs.
            builder.WithMetadata(new AcceptsMetadata(FormAndJson, requestType));
        }

        return builder;
    }
}
