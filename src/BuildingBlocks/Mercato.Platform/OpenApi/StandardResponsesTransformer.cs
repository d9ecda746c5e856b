using System.Globalization;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mercato.Platform.OpenApi;

/// <summary>
/// Documents what the platform adds to every operation: the error responses it can answer with
/// (in the <c>ErrorResponse</c> envelope), the <c>X-Correlation-Id</c> request header, and the
/// correlation and rate-limit headers on every response.
/// </summary>
internal sealed class StandardResponsesTransformer : IOpenApiOperationTransformer
{
    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var document = context.Document
            ?? throw new InvalidOperationException("The OpenAPI document is not available to operation transformers.");
        var description = context.Description;
        var metadata = description.ActionDescriptor.EndpointMetadata;
        var hasInput = description.ParameterDescriptions.Count > 0;
        var hasRouteValues = description.ParameterDescriptions.Any(p => p.Source == BindingSource.Path);
        var authorized = metadata.OfType<IAuthorizeData>().Any() && !metadata.OfType<IAllowAnonymous>().Any();

        var responses = operation.Responses ?? [];
        if (hasInput)
        {
            AddError(responses, document, 400, "Request validation failed: VALIDATION_ERROR, REQUIRED_FIELD or INVALID_FORMAT, with every failing `field` listed.");
        }

        if (authorized)
        {
            AddError(responses, document, 401, "UNAUTHORIZED: the bearer token is missing, expired or invalid.");
            AddError(responses, document, 403, "FORBIDDEN: the token lacks the role or scope this operation requires.");
        }
        else if (metadata.OfType<GuestCartKeyMetadata>().LastOrDefault() is { Required: true })
        {
            AddError(responses, document, 401, $"UNAUTHORIZED: neither a valid bearer token nor a guest's `{Http.CartKeyHeader.Name}` was sent.");
        }

        if (hasRouteValues || metadata.OfType<NotFoundResponseMetadata>().Any())
        {
            AddError(responses, document, 404, "NOT_FOUND: nothing exists at this path, or it is not visible to the caller.");
        }

        AddError(responses, document, 429, "RATE_LIMIT_EXCEEDED: the caller's budget is spent; retry after `retryAfter` seconds (also sent as `Retry-After`).")
            ?.Headers?.TryAdd(OpenApiNames.RetryAfterHeader, new OpenApiHeaderReference(OpenApiNames.RetryAfterHeader, document));
        AddError(responses, document, 500, "INTERNAL_ERROR: an unexpected failure; nothing internal is revealed. Quote `traceId` when reporting it.");
        AddError(responses, document, 503, "SERVICE_UNAVAILABLE: the database or a service this one depends on is temporarily unavailable; retry after `Retry-After` seconds.")
            ?.Headers?.TryAdd(OpenApiNames.RetryAfterHeader, new OpenApiHeaderReference(OpenApiNames.RetryAfterHeader, document));

        foreach (var response in responses.Values.OfType<OpenApiResponse>())
        {
            response.Headers ??= new Dictionary<string, IOpenApiHeader>();
            foreach (var header in (string[])[OpenApiNames.CorrelationIdHeader, OpenApiNames.RateLimitPlanHeader, OpenApiNames.RateLimitLimitHeader, OpenApiNames.RateLimitRemainingHeader, OpenApiNames.RateLimitResetHeader])
            {
                response.Headers.TryAdd(header, new OpenApiHeaderReference(header, document));
            }
        }

        operation.Responses = Sorted(responses);
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameterReference(OpenApiNames.CorrelationIdHeader, document));
        return Task.CompletedTask;
    }

    /// <summary>Adds an error response unless the endpoint already declares that status; returns the one added.</summary>
    private static OpenApiResponse? AddError(OpenApiResponses responses, OpenApiDocument document, int status, string description)
    {
        var key = status.ToString(CultureInfo.InvariantCulture);
        if (responses.ContainsKey(key))
        {
            return null;
        }

        var response = new OpenApiResponse
        {
            Description = description,
            Headers = new Dictionary<string, IOpenApiHeader>(),
            Content = new Dictionary<string, OpenApiMediaType>
            {
                ["application/json"] = new() { Schema = new OpenApiSchemaReference(OpenApiNames.ErrorResponseSchema, document) },
            },
        };
        responses[key] = response;
        return response;
    }

    private static OpenApiResponses Sorted(OpenApiResponses responses)
    {
        var sorted = new OpenApiResponses();
        foreach (var (key, value) in responses.OrderBy(r => r.Key, StringComparer.Ordinal))
        {
            sorted[key] = value;
        }

        return sorted;
    }
}
