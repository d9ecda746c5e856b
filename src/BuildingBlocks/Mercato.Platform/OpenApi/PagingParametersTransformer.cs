using Mercato.Platform.Envelope;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mercato.Platform.OpenApi;

/// <summary>
/// Publishes the bounds <see cref="PageRules"/> enforces on every list: <c>pageNumber</c> from 1
/// to <see cref="PageRules.MaxPageNumber"/>, <c>pageSize</c> from 1 to <see cref="PageRules.MaxPageSize"/> (default
/// <see cref="PageRules.DefaultPageSize"/> unless the operation states its own).
/// </summary>
internal sealed class PagingParametersTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.In != ParameterLocation.Query || parameter.Schema is not OpenApiSchema schema)
            {
                continue;
            }

            if (string.Equals(parameter.Name, "pageNumber", StringComparison.OrdinalIgnoreCase))
            {
                schema.Minimum = "1";
                schema.Maximum = PageRules.MaxPageNumber.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
            else if (string.Equals(parameter.Name, "pageSize", StringComparison.OrdinalIgnoreCase))
            {
                schema.Minimum = "1";
                schema.Maximum = PageRules.MaxPageSize.ToString(System.Globalization.CultureInfo.InvariantCulture);
            }
        }

        return Task.CompletedTask;
    }
}
