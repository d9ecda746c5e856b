using Mercato.Platform.OpenApi;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mercato.Platform.Idempotency;

/// <summary>Documents an idempotent operation: the request header, the 409 and the replay marker.</summary>
internal static class IdempotencyOpenApi
{
    private const string ConflictDescription =
        "CONFLICT: the Idempotency-Key was already used for a different request (method, path, query or body), "
        + "or the first request with it is still running (retry shortly; see `Retry-After`).";

    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, bool required)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyKey.HeaderName,
            In = ParameterLocation.Header,
            Required = required,
            Description = "A new unique value (e.g. a UUID) for each new request, 1-255 printable ASCII characters. Retrying with the "
                + "same key and the same request replays the first response byte for byte (marked `Idempotent-Replayed: true`) "
                + "for 24 hours (configurable); a 5xx is not stored, so its retry runs again. Keys are scoped per caller: the "
                + "token's `sub`, else the guest's `X-Cart-Key`, else the client IP.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyKey.MaxLength },
        });

        operation.Responses ??= [];
        foreach (var (status, response) in operation.Responses)
        {
            if (status.StartsWith('2') && response is OpenApiResponse success)
            {
                success.Headers ??= new Dictionary<string, IOpenApiHeader>();
                success.Headers.TryAdd(StoredResponse.ReplayedHeader, new OpenApiHeader
                {
                    Description = "`true` when this is the stored response of an earlier request with the same Idempotency-Key.",
                    Schema = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [System.Text.Json.Nodes.JsonValue.Create(StoredResponse.ReplayedValue)] },
                });
            }
        }

        if (operation.Responses.TryGetValue("409", out var existing) && existing is OpenApiResponse declared)
        {
            declared.Description = ConflictDescription;
        }
        else if (context.Document is { } document)
        {
            // Shaped like the operation's other error responses: the error envelope, and the
            // same response headers as its 500 where the platform has documented those already.
            var headers = operation.Responses.TryGetValue("500", out var template) && template.Headers is { } templateHeaders
                ? new Dictionary<string, IOpenApiHeader>(templateHeaders)
                : new Dictionary<string, IOpenApiHeader>();
            operation.Responses["409"] = new OpenApiResponse
            {
                Description = ConflictDescription,
                Headers = headers,
                Content = new Dictionary<string, OpenApiMediaType>
                {
                    ["application/json"] = new() { Schema = new OpenApiSchemaReference(OpenApiNames.ErrorResponseSchema, document) },
                },
            };
            var sorted = new OpenApiResponses();
            foreach (var (status, response) in operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                sorted[status] = response;
            }

            operation.Responses = sorted;
        }

        return Task.CompletedTask;
    }
}
