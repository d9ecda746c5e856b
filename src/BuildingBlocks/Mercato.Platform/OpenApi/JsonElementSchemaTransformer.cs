using System.Text.Json;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mercato.Platform.OpenApi;

/// <summary>
/// A <see cref="JsonElement"/> (free-form JSON such as an audit entry's <c>before</c> and
/// <c>after</c>) is any JSON value but null: without a type its schema (<c>{}</c>) also matches
/// null, so the <c>oneOf: [null, JsonElement]</c> of a nullable one matched a null twice and
/// validators refused every null value.
/// </summary>
internal sealed class JsonElementSchemaTransformer : IOpenApiSchemaTransformer
{
    private const JsonSchemaType AnyButNull = JsonSchemaType.Object | JsonSchemaType.Array | JsonSchemaType.String
        | JsonSchemaType.Number | JsonSchemaType.Integer | JsonSchemaType.Boolean;

    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonTypeInfo.Type == typeof(JsonElement) && schema.Type is null)
        {
            schema.Type = AnyButNull;
        }

        return Task.CompletedTask;
    }
}
