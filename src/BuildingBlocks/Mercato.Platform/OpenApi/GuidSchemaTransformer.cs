using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mercato.Platform.OpenApi;

/// <summary>
/// A GUID in a body is its 36-character text: System.Text.Json reads no other form, so
/// <c>maxLength</c> <see cref="GuidText.Length"/> beside <c>format: uuid</c> is what the server enforces.
/// </summary>
internal sealed class GuidSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        var type = context.JsonTypeInfo.Type;
        if ((Nullable.GetUnderlyingType(type) ?? type) == typeof(Guid) && schema.Format == "uuid")
        {
            schema.MaxLength = GuidText.Length;
        }

        return Task.CompletedTask;
    }
}
