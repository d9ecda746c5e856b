using System.Text.Json;
using System.Text.Json.Nodes;
using Mercato.Platform.Envelope;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.Primitives;

namespace Mercato.Platform.Binding;

/// <summary>
/// Applies the other seeds' input names before model binding, in one place: seed 001's
/// <c>limit</c>/<c>offset</c> on every paged list, and each endpoint's declared
/// <see cref="RequestAliases"/> (body fields, header aliases from the query or body, explicit
/// nulls refused, form bodies read as JSON). An alias sent together with its canonical name and
/// a different value answers 400 naming the alias; nothing runs.
/// </summary>
internal sealed class RequestAliasMiddleware(RequestDelegate next)
{
    public async Task InvokeAsync(HttpContext context)
    {
        var endpoint = context.GetEndpoint();
        if (endpoint is null)
        {
            await next(context);
            return;
        }

        var errors = new List<ApiError>();
        if (PagingAliases.Present(context.Request.Query) && BindsPageSize(endpoint))
        {
            var rewritten = PagingAliases.Apply(context.Request.Query, errors);
            context.Request.Query = new QueryCollection(rewritten);
        }

        var declared = endpoint.Metadata.GetOrderedMetadata<RequestAliases>();
        if (declared.Count > 0 && errors.Count == 0)
        {
            var aliases = Merge(declared);
            ApplyQueryHeaders(context, aliases, errors);
            if (errors.Count == 0)
            {
                await RewriteBodyAsync(context, aliases, errors);
            }
        }

        if (errors.Count > 0)
        {
            await ApiResults.Validation(errors).ExecuteAsync(context);
            return;
        }

        await next(context);
    }

    private static bool BindsPageSize(Endpoint endpoint)
        => endpoint.Metadata.GetOrderedMetadata<IParameterBindingMetadata>()
            .Any(p => string.Equals(p.Name, "pageSize", StringComparison.OrdinalIgnoreCase));

    private static RequestAliases Merge(IReadOnlyList<RequestAliases> declared)
    {
        if (declared.Count == 1)
        {
            return declared[0];
        }

        var merged = new RequestAliases();
        foreach (var aliases in declared)
        {
            foreach (var (alias, canonical) in aliases.Fields)
            {
                merged.Fields[alias] = canonical;
            }

            foreach (var (alias, header) in aliases.Headers)
            {
                merged.Headers[alias] = header;
            }

            merged.NotNull.UnionWith(aliases.NotNull);
            merged.AcceptForm |= aliases.AcceptForm;
        }

        return merged;
    }

    private static void ApplyQueryHeaders(HttpContext context, RequestAliases aliases, List<ApiError> errors)
    {
        foreach (var (alias, header) in aliases.Headers)
        {
            if (context.Request.Query.TryGetValue(alias, out var values))
            {
                SetHeader(context, alias, header, values.Count == 1 ? values[0] : null, errors);
            }
        }
    }

    private static void SetHeader(HttpContext context, string alias, string header, string? value, List<ApiError> errors)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, $"{alias} must be one non-empty text value", alias));
            return;
        }

        var sent = context.Request.Headers[header];
        if (sent.Count > 0 && !string.Equals(sent.ToString().Trim(), value.Trim(), StringComparison.Ordinal))
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, $"{alias} and the {header} header disagree; send one of them", alias));
            return;
        }

        context.Request.Headers[header] = value.Trim();
    }

    private static async Task RewriteBodyAsync(HttpContext context, RequestAliases aliases, List<ApiError> errors)
    {
        var request = context.Request;
        JsonObject? body;
        if (aliases.AcceptForm && request.HasFormContentType)
        {
            body = await FormAsObjectAsync(request, errors);
        }
        else if (request.HasJsonContentType())
        {
            body = await ReadJsonObjectAsync(request, errors);
        }
        else
        {
            return;
        }

        if (body is null || errors.Count > 0)
        {
            return;
        }

        foreach (var (alias, header) in aliases.Headers)
        {
            if (body.Remove(alias, out var value))
            {
                SetHeader(context, alias, header, value is JsonValue v && v.TryGetValue<string>(out var text) ? text : null, errors);
            }
        }

        foreach (var (alias, canonical) in aliases.Fields)
        {
            if (body.Remove(alias, out var value))
            {
                Place(body, alias, canonical, value, errors);
            }
        }

        foreach (var field in aliases.NotNull)
        {
            if (body.TryGetPropertyValue(field, out var value) && value is null)
            {
                errors.Add(new ApiError(ErrorCodes.ValidationError, $"{field} must not be null; leave it out to use its default", field));
            }
        }

        var bytes = JsonSerializer.SerializeToUtf8Bytes(body);
        request.Body = new MemoryStream(bytes, writable: false);
        request.ContentLength = bytes.Length;
        request.ContentType = "application/json; charset=utf-8";
    }

    /// <summary>Puts <paramref name="value"/> at the canonical path, unless a different value is there already.</summary>
    private static void Place(JsonObject body, string alias, string canonical, JsonNode? value, List<ApiError> errors)
    {
        var segments = canonical.Split('.');
        var parent = body;
        for (var i = 0; i < segments.Length - 1; i++)
        {
            switch (parent[segments[i]])
            {
                case JsonObject child:
                    parent = child;
                    break;
                case null:
                    var created = new JsonObject();
                    parent[segments[i]] = created;
                    parent = created;
                    break;
                default:
                    errors.Add(new ApiError(ErrorCodes.ValidationError, $"{alias} is {canonical}, but {segments[i]} is not an object", alias));
                    return;
            }
        }

        var name = segments[^1];
        if (parent.TryGetPropertyValue(name, out var existing))
        {
            if (!JsonNode.DeepEquals(existing, value))
            {
                errors.Add(new ApiError(ErrorCodes.ValidationError, $"{alias} and {canonical} disagree; send one of them", alias));
            }

            return;
        }

        parent[name] = value;
    }

    private static async Task<JsonObject?> ReadJsonObjectAsync(HttpRequest request, List<ApiError> errors)
    {
        var buffer = new MemoryStream();
        await request.Body.CopyToAsync(buffer, request.HttpContext.RequestAborted);
        buffer.Position = 0;
        request.Body = buffer;
        try
        {
            if (JsonNode.Parse(buffer.GetBuffer().AsSpan(0, (int)buffer.Length)) is JsonObject parsed)
            {
                _ = parsed.Count; // reads the properties now: a repeated name throws here, not later
                return parsed;
            }
        }
        catch (JsonException)
        {
            // Not JSON: binding answers its own 400 from the untouched body.
        }
        catch (ArgumentException)
        {
            // Which of two values for one name did the client mean? Neither is guessed.
            errors.Add(new ApiError(ErrorCodes.ValidationError, "A property of the body appears more than once; send each once", null));
            return null;
        }

        buffer.Position = 0;
        return null;
    }

    private static async Task<JsonObject?> FormAsObjectAsync(HttpRequest request, List<ApiError> errors)
    {
        var form = await request.ReadFormAsync(request.HttpContext.RequestAborted);
        var body = new JsonObject();
        foreach (var (name, values) in form)
        {
            if (values.Count != 1)
            {
                errors.Add(new ApiError(ErrorCodes.ValidationError, $"Send {name} once", name));
                continue;
            }

            body[name] = values[0];
        }

        if (form.Files.Count > 0)
        {
            errors.Add(new ApiError(ErrorCodes.ValidationError, "This endpoint takes no files", form.Files[0].Name));
        }

        return body;
    }
}
