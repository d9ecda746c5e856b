using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mercato.Platform.OpenApi;

/// <summary>
/// Money, rates and every other <see cref="decimal"/> are published as <c>format: decimal</c> (the
/// OpenAPI format registry's fixed-point number) instead of the generator's <c>double</c>, so that
/// generated clients keep them exact: Kiota maps the format to <c>decimal</c> in C#.
/// </summary>
internal sealed class DecimalSchemaTransformer : IOpenApiSchemaTransformer
{
    /// <summary>The OpenAPI format name for a fixed-point decimal number.</summary>
    public const string Format = "decimal";

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if ((Nullable.GetUnderlyingType(type) ?? type) == typeof(decimal))
        {
            schema.Format = Format;
        }

        return Task.CompletedTask;
    }
}
