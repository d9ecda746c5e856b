using System.ComponentModel.DataAnnotations;
using System.Reflection;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Mvc.Infrastructure;
using Microsoft.AspNetCore.Mvc.ApiExplorer;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mercato.Platform.OpenApi;

/// <summary>
/// States what the server accepts in query and route parameters, read from the binding code:
/// a number parameter is a number (its text in the URL is parsed as one, never taken as free
/// text), a GUID is its 36-character text (<see cref="GuidText.Length"/>), and the values and
/// lengths a handler's rules allow (<see cref="AllowedNamesAttribute"/>,
/// <see cref="MaxLengthAttribute"/> and <see cref="RangeAttribute"/> on the parameter or on the property of an
/// <c>[AsParameters]</c> query, set from the same constant the handler's check uses) are
/// published as <c>enum</c>, <c>maxLength</c>, <c>minimum</c> and <c>maximum</c>.
/// </summary>
internal sealed class ParameterLimitsTransformer : IOpenApiOperationTransformer
{
    private const JsonSchemaType Numbers = JsonSchemaType.Integer | JsonSchemaType.Number;

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
        {
            if (parameter.In is not (ParameterLocation.Query or ParameterLocation.Path) || parameter.Schema is not OpenApiSchema schema)
            {
                continue;
            }

            if (schema.Type is { } type && (type & Numbers) != 0 && type.HasFlag(JsonSchemaType.String))
            {
                schema.Type = type & ~JsonSchemaType.String;
                schema.Pattern = null;
            }

            var attributes = Attributes(context.Description, parameter.Name);
            if (attributes.OfType<AllowedNamesAttribute>().FirstOrDefault() is { } allowed)
            {
                schema.Enum = [.. allowed.Names.Select(n => (JsonNode)JsonValue.Create(n))];
            }

            if (attributes.OfType<MaxLengthAttribute>().FirstOrDefault() is { } maxLength)
            {
                schema.MaxLength = maxLength.Length;
            }

            if (attributes.OfType<RangeAttribute>().FirstOrDefault() is { } range)
            {
                schema.Minimum = Convert.ToString(range.Minimum, System.Globalization.CultureInfo.InvariantCulture);
                schema.Maximum = Convert.ToString(range.Maximum, System.Globalization.CultureInfo.InvariantCulture);
            }

            if (schema.Format == "uuid" && schema.MaxLength is null)
            {
                schema.MaxLength = GuidText.Length;
            }
        }

        return Task.CompletedTask;
    }

    private static IEnumerable<Attribute> Attributes(ApiDescription description, string? name)
    {
        var found = description.ParameterDescriptions.FirstOrDefault(p => string.Equals(p.Name, name, StringComparison.OrdinalIgnoreCase));
        return found?.ParameterDescriptor is IParameterInfoParameterDescriptor { ParameterInfo: { } info }
            ? info.GetCustomAttributes<Attribute>()
            : [];
    }
}
