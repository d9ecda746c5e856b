using System.Globalization;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mercato.Platform.OpenApi;

/// <summary>
/// Gives every non-JSON response an endpoint declares (<c>.Produces(200, contentType: "application/pdf")</c>)
/// its content type in the document, as a file (<c>type: string</c>, <c>format: binary</c>), which
/// the generator leaves out when the response has no .NET type.
/// </summary>
internal sealed class FileResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var declared in context.Description.ActionDescriptor.EndpointMetadata.OfType<IProducesResponseTypeMetadata>())
        {
            var status = declared.StatusCode.ToString(CultureInfo.InvariantCulture);
            var files = declared.ContentTypes.Where(IsFile).ToList();
            if (files.Count == 0)
            {
                continue;
            }

            operation.Responses ??= [];
            if (!operation.Responses.TryGetValue(status, out var found) || found is not OpenApiResponse response)
            {
                response = new OpenApiResponse { Description = "OK" };
                operation.Responses[status] = response;
            }

            response.Content ??= new Dictionary<string, OpenApiMediaType>();
            foreach (var mediaType in files)
            {
                response.Content.TryAdd(mediaType, new OpenApiMediaType
                {
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Format = "binary", MaxLength = int.MaxValue },
                });
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsFile(string mediaType) =>
        !mediaType.Contains("json", StringComparison.OrdinalIgnoreCase) && !mediaType.StartsWith("text/plain", StringComparison.OrdinalIgnoreCase);
}
