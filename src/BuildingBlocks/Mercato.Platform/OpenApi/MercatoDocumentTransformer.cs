using Mercato.Platform.Correlation;
using Mercato.Platform.Envelope;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mercato.Platform.OpenApi;

/// <summary>
/// Gives each document its title and the conventions every Mercato API shares (envelope, error
/// form, bearer auth, headers), and declares the components operations refer to.
/// </summary>
internal sealed class MercatoDocumentTransformer : IOpenApiDocumentTransformer
{
    /// <summary>The conventions every document describes after its own introduction.</summary>
    internal const string Conventions = """
        Every response is JSON in one envelope. Success: `{success: true, data, message, timestamp}`.
        Failure: `{success: false, errors: [{code, message, field}], message, timestamp, traceId, path}`,
        where `errors` lists every problem found and `code` is one of VALIDATION_ERROR, INVALID_FORMAT,
        REQUIRED_FIELD, UNAUTHORIZED, FORBIDDEN, NOT_FOUND, CONFLICT, ALREADY_EXISTS, RATE_LIMIT_EXCEEDED,
        INTERNAL_ERROR (and the domain codes an operation names).

        **Authentication.** Protected operations need `Authorization: Bearer <JWT>`; each one names the
        role or service scope it requires. A guest's cart and order operations accept the guest's `X-Cart-Key` instead.

        **Headers.** Send `X-Correlation-Id` to follow a request through logs and services (one is
        generated otherwise); it is echoed on every response. Every response carries `X-RateLimit-Limit`,
        `X-RateLimit-Remaining`, `X-RateLimit-Reset` and `X-RateLimit-Plan` (the plan that applied; anonymous reads of the
        catalog, pictures and these documents have a generous plan of their own); a throttled request gets 429 with
        `Retry-After`, `X-RateLimit-Remaining: 0` and `X-RateLimit-Reset` at the moment a retry can succeed.

        **Versions.** This is version 1. `X-API-Version` is optional (`1`, `v1` or `1.0`) and echoed on every
        response; any other value answers 400 UNSUPPORTED_API_VERSION. Breaking changes come only in a new major
        version, announced 6 months in advance. A deprecated operation is marked `deprecated`, its responses carry
        `Deprecation` (RFC 9745), `Sunset` (RFC 8594, the removal date) and `Link: </api/docs>; rel="deprecation"`,
        and it keeps answering for 12 months after its deprecation.
        """;

    /// <summary>The title of the document that covers every module.</summary>
    internal const string AllTitle = "Mercato API";

    public async Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var all = context.DocumentName == OpenApiSetup.AllDocument;
        var module = ApiDocumentLink.TitleOf(context.DocumentName);
        document.Info = new OpenApiInfo
        {
            Title = all ? AllTitle : $"Mercato API: {module}",
            Version = OpenApiSetup.AllDocument,
            Description = (all
                ? "Every module served by this process."
                : $"The {module} module. `/openapi/{OpenApiSetup.AllDocument}.json` describes every module served here.")
                + "\n\n" + Conventions,
        };

        // No server list: clients call the origin they fetched the document from, which is the
        // gateway when the document was routed through it rather than this process's own address.
        document.Servers = [];

        var errorSchema = await context.GetOrCreateSchemaAsync(typeof(ErrorResponse), cancellationToken: cancellationToken);
        document.AddComponent(OpenApiNames.ErrorResponseSchema, errorSchema);
        document.AddComponent(OpenApiNames.BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token issued by Identity, sent as `Authorization: Bearer <token>`: a JWT signed with ES256 or RS256 "
                + "(never `none` or a symmetric key), validated against Identity's JWKS with issuer, audience, expiry and a 30 s clock skew, "
                + "following RFC8725 (JSON Web Token Best Current Practices).",
        });
        document.AddComponent(OpenApiNames.CartKeyScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = Http.CartKeyHeader.Name,
            Description = "A guest's cart key: answered as `cartKey` (and in `X-Cart-Key`) by the guest's first `POST /api/v1/cart/items`, "
                + "then sent on the guest's cart and order calls. Keys are 256-bit random values stored only as SHA-256 hashes.",
        });
        document.AddComponent(OpenApiNames.CorrelationIdHeader, new OpenApiParameter
        {
            Name = OpenApiNames.CorrelationIdHeader,
            In = ParameterLocation.Header,
            Required = false,
            Description = "1 to 128 letters, digits, '-', '_', '.' or ':'. A new id is generated when it is absent or invalid; either way it is echoed on the response.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = CorrelationContext.MaxLength, Pattern = "^[A-Za-z0-9_.:-]+$" },
        });
        AddHeader(document, OpenApiNames.CorrelationIdHeader, "The request's correlation id (the one sent, or a generated one).", new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = CorrelationContext.MaxLength, Pattern = "^[A-Za-z0-9_.:-]+$" });
        AddHeader(document, OpenApiNames.RateLimitPlanHeader, "The rate-limit plan that applied: Guest, AnonymousReads, Customer, Premium, Admin or Service.", new OpenApiSchema { Type = JsonSchemaType.String, MaxLength = 32, Pattern = "^[A-Za-z]+$" });
        AddHeader(document, OpenApiNames.RateLimitLimitHeader, "Requests allowed per window for this caller's plan.", Integer(int.MaxValue, "int32"));
        AddHeader(document, OpenApiNames.RateLimitRemainingHeader, "Requests left in the current window; 0 on a 429.", Integer(int.MaxValue, "int32"));
        AddHeader(document, OpenApiNames.RateLimitResetHeader, "When the window resets, in Unix seconds; on a 429, when a retry can succeed (now + Retry-After).", Integer(long.MaxValue, "int64"));
        AddHeader(document, OpenApiNames.RetryAfterHeader, "Seconds to wait before retrying.", Integer(int.MaxValue, "int32"));
    }

    private static OpenApiSchema Integer(long maximum, string format) => new()
    {
        Type = JsonSchemaType.Integer,
        Format = format,
        Minimum = "0",
        Maximum = maximum.ToString(System.Globalization.CultureInfo.InvariantCulture),
    };

    private static void AddHeader(OpenApiDocument document, string name, string description, OpenApiSchema schema) =>
        document.AddComponent(name, new OpenApiHeader { Description = description, Schema = schema });
}
