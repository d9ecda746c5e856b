using Mercato.Platform.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mercato.Platform.OpenApi;

/// <summary>
/// Timestamps are written by a custom converter (UTC with <c>Z</c>), which hides their type from
/// the schema generator; this states what clients send and receive: a <c>date-time</c> string,
/// at most <see cref="UtcDateTimeOffsetConverter.MaxLength"/> characters where the converter reads it.
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

        if (underlying == typeof(DateTimeOffset))
        {
            schema.MaxLength = UtcDateTimeOffsetConverter.MaxLength;
        }

        return Task.CompletedTask;
    }
}
