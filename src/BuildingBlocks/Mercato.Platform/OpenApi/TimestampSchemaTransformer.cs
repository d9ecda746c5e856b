using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mercato.Platform.OpenApi;

/// <summary>
/// Timestamps are written by a custom converter (UTC with <c>Z</c>), which hides their type from
/// the schema generator; this states what clients receive: a <c>date-time</c> string.
/// </summary>
internal sealed class TimestampSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        var underlying = Nullable.GetUnderlyingType(type) ?? type;
        if ((underlying == typeof(DateTimeOffset) || underlying == typeof(DateTime)) && schema.Type is null)
        {
            schema.Type = underlying == type ? JsonSchemaType.String : JsonSchemaType.String | JsonSchemaType.Null;
            schema.Format = "date-time";
        }

        return Task.CompletedTask;
    }
}
