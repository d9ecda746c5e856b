using System.Globalization;
using System.Reflection;
using FluentValidation;
using FluentValidation.Validators;
using Mercato.Platform.Validation;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.OpenApi;

namespace Mercato.Platform.OpenApi;

/// <summary>
/// Publishes the limits a request body's FluentValidation validator enforces, read from the very
/// validator the <see cref="Validation.ValidationFilter"/> runs, so document and server cannot
/// drift: lengths (<c>MaximumLength</c>, <c>Length</c>) become <c>minLength</c>/<c>maxLength</c>,
/// ranges (<c>InclusiveBetween</c>, <c>GreaterThan</c>, <c>LessThanOrEqualTo</c>, ...) become
/// <c>minimum</c>/<c>maximum</c> (exclusive where the rule is), and a range on a collection's
/// count (a rule named after the collection) becomes <c>minItems</c>/<c>maxItems</c>. Hand-written
/// rules publish what they state (<see cref="LimitedRules"/>: a maximum length, a list of names as
/// <c>enum</c>); a rule for each element (<c>RuleForEach</c>) limits the array's items; a property
/// that must be null (<c>Null()</c>) is published as type <c>null</c>. Every schema of a type
/// with a validator gets its limits, also where it is nested (an address inside an order request).
/// </summary>
internal sealed class ValidationLimitsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (schema.Properties is not { Count: > 0 } properties)
        {
            return Task.CompletedTask;
        }

        var validatorType = typeof(IValidator<>).MakeGenericType(context.JsonTypeInfo.Type);
        if (context.ApplicationServices.GetService(validatorType) is not IValidator validator)
        {
            return Task.CompletedTask;
        }

        var rules = validator.CreateDescriptor().Rules.ToList();
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (!properties.TryGetValue(property.Name, out var found) || found is not OpenApiSchema target)
            {
                continue;
            }

            var member = (property.AttributeProvider as MemberInfo)?.Name;
            foreach (var rule in rules.Where(r => string.Equals(r.PropertyName, member, StringComparison.OrdinalIgnoreCase)
                || string.Equals(r.PropertyName, property.Name, StringComparison.OrdinalIgnoreCase)))
            {
                var each = IsForEach(rule);
                foreach (var component in rule.Components)
                {
                    if (component.Validator is INullValidator && !each)
                    {
                        // Listed, as the field exists, but only null is accepted.
                        target.Type = JsonSchemaType.Null;
                        target.Format = null;
                        target.Pattern = null;
                    }
                    else if (each)
                    {
                        if (target.Items is OpenApiSchema items)
                        {
                            Apply(items, component.Validator);
                        }
                    }
                    else
                    {
                        Apply(target, component.Validator);
                    }
                }
            }
        }

        return Task.CompletedTask;
    }

    private static bool IsForEach(IValidationRule rule) => rule.GetType().GetInterfaces()
        .Any(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICollectionRule<,>));

    private static void Apply(OpenApiSchema schema, IPropertyValidator rule)
    {
        var isArray = schema.Type is { } type && type.HasFlag(JsonSchemaType.Array);
        switch (rule)
        {
            case ILengthValidator length when !isArray:
                if (length.Min > 0)
                {
                    schema.MinLength = Math.Max(schema.MinLength ?? 0, length.Min);
                }

                if (length.Max > 0)
                {
                    schema.MaxLength = Math.Min(schema.MaxLength ?? int.MaxValue, length.Max);
                }

                break;
            case INamesValidator names when !isArray:
                schema.Enum = [.. names.Names.Select(n => (System.Text.Json.Nodes.JsonNode)System.Text.Json.Nodes.JsonValue.Create(n))];
                break;
            case IEntriesValidator entries:
                schema.MaxProperties = entries.MaxCount;
                if (schema.AdditionalProperties is OpenApiSchema values)
                {
                    values.MaxLength = entries.MaxValueLength;
                }

                break;
            case IBetweenValidator between:
                var exclusive = rule.Name == "ExclusiveBetweenValidator";
                SetLower(schema, isArray, between.From, exclusive);
                SetUpper(schema, isArray, between.To, exclusive);
                break;
            case IComparisonValidator { ValueToCompare: { } value } comparison:
                switch (comparison.Comparison)
                {
                    case Comparison.GreaterThan: SetLower(schema, isArray, value, exclusive: true); break;
                    case Comparison.GreaterThanOrEqual: SetLower(schema, isArray, value, exclusive: false); break;
                    case Comparison.LessThan: SetUpper(schema, isArray, value, exclusive: true); break;
                    case Comparison.LessThanOrEqual: SetUpper(schema, isArray, value, exclusive: false); break;
                    default: break;
                }

                break;
            default:
                break;
        }
    }

    private static void SetLower(OpenApiSchema schema, bool isArray, object value, bool exclusive)
    {
        if (Number(value) is not { } number)
        {
            return;
        }

        if (isArray)
        {
            schema.MinItems = (int)Math.Ceiling(exclusive ? number + 1 : number);
        }
        else if (exclusive)
        {
            schema.ExclusiveMinimum = Format(number);
        }
        else
        {
            schema.Minimum = Format(number);
        }
    }

    private static void SetUpper(OpenApiSchema schema, bool isArray, object value, bool exclusive)
    {
        if (Number(value) is not { } number)
        {
            return;
        }

        if (isArray)
        {
            schema.MaxItems = (int)Math.Floor(exclusive ? number - 1 : number);
        }
        else if (exclusive)
        {
            schema.ExclusiveMaximum = Format(number);
        }
        else
        {
            schema.Maximum = Format(number);
        }
    }

    private static decimal? Number(object value) => value switch
    {
        int or long or short or byte or decimal or double or float => Convert.ToDecimal(value, CultureInfo.InvariantCulture),
        _ => null,
    };

    private static string Format(decimal number) => number.ToString(CultureInfo.InvariantCulture);
}
