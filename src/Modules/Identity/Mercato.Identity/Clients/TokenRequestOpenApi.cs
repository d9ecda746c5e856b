using System.Text.Json.Nodes;
using Mercato.Platform.OpenApi;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mercato.Identity.Clients;

/// <summary>
/// Documents the token endpoint's request body and its RFC 6749 errors. Done here rather than
/// with <c>Accepts</c> metadata, because that makes routing answer any other content type with
/// 415 before the endpoint can answer RFC 6749's <c>400 invalid_request</c>.
/// </summary>
internal static class TokenRequestOpenApi
{
    public static Task DescribeAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context)
    {
        var parameters = new OpenApiSchema
        {
            Type = JsonSchemaType.Object,
            Required = new HashSet<string>(StringComparer.Ordinal) { "grant_type" },
            Properties = new Dictionary<string, IOpenApiSchema>(StringComparer.Ordinal)
            {
                ["grant_type"] = new OpenApiSchema { Type = JsonSchemaType.String, Enum = [JsonValue.Create(ClientCredentialsApi.GrantType)] },
                ["client_id"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ClientCredentialsApi.MaxFieldLength, Description = "The client id, unless sent in the Basic header." },
                ["client_secret"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ClientCredentialsApi.MaxFieldLength, Description = "The client secret, unless sent in the Basic header." },
                ["scope"] = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = ClientCredentialsApi.MaxFieldLength, Description = "Space-separated scopes; default: all the client may have." },
            },
        };
        operation.RequestBody = new OpenApiRequestBody
        {
            Required = true,
            Description = "RFC 6749 §4.4.2 parameters, as a form or as a JSON object of strings, each once.",
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/x-www-form-urlencoded"] = new() { Schema = parameters },
                ["application/json"] = new() { Schema = parameters },
            },
        };

        operation.Responses ??= [];
        if (context.Document is { } document)
        {
            AddError(operation.Responses, document, "400",
                "The error envelope plus RFC 6749 `error` and `error_description`: invalid_request, unsupported_grant_type or invalid_scope.");
            AddError(operation.Responses, document, "401",
                "The error envelope plus RFC 6749 `error` = invalid_client: unknown client, wrong secret or no credentials.");
            var sorted = new OpenApiResponses();
            foreach (var (status, response) in operation.Responses.OrderBy(r => r.Key, StringComparer.Ordinal))
            {
                sorted[status] = response;
            }

            operation.Responses = sorted;
        }

        return Task.CompletedTask;
    }

    private static void AddError(OpenApiResponses responses, OpenApiDocument document, string status, string description)
    {
        // Shaped like the operation's other error responses: the same headers as its 500.
        var headers = responses.TryGetValue("500", out var template) && template.Headers is { } templateHeaders
            ? new Dictionary<string, IOpenApiHeader>(templateHeaders)
            : new Dictionary<string, IOpenApiHeader>();
        responses[status] = new OpenApiResponse
        {
            Description = description,
            Headers = headers,
            Content = new Dictionary<string, OpenApiMediaType>(StringComparer.Ordinal)
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(OpenApiNames.ErrorResponseSchema, document) },
            },
        };
    }
}
