using System.Globalization;
using Mercato.Platform.Versioning;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mercato.Platform.OpenApi;

/// <summary>
/// Marks the operations of routes with <see cref="DeprecationMetadata"/> <c>deprecated: true</c>
/// and says in their description since when and until when they answer.
/// </summary>
internal sealed class DeprecationOperationTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Description.ActionDescriptor.EndpointMetadata.OfType<DeprecationMetadata>().LastOrDefault() is not { } deprecation)
        {
            return Task.CompletedTask;
        }

        operation.Deprecated = true;
        var note = string.Create(CultureInfo.InvariantCulture, $"**Deprecated** since {deprecation.Since.UtcDateTime:yyyy-MM-dd}")
            + (deprecation.Sunset is { } sunset
                ? string.Create(CultureInfo.InvariantCulture, $"; removed on {sunset.UtcDateTime:yyyy-MM-dd} (`Sunset` header).")
                : "; no removal date yet.")
            + " Responses carry `Deprecation`, `Sunset` and a `Link` with `rel=\"deprecation\"` to the policy.";
        operation.Description = string.IsNullOrEmpty(operation.Description) ? note : operation.Description + "\n\n" + note;
        return Task.CompletedTask;
    }
}
