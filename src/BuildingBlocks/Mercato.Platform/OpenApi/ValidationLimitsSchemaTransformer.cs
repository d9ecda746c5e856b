using System.Globalization;
using System.Reflection;
using FluentValidation;
using FluentValidation.Validators;
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
/// count (a rule named after the collection) becomes <c>minItems</c>/<c>maxItems</c>.
/// </summary>
internal sealed class ValidationLimitsSchemaTransformer : IOpenApiSchemaTransformer
{
    public Task TransformAsync(OpenApiSchema schema, OpenApiSchemaTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.JsonPropertyInfo is not null || schema.Properties is not { Count: > 0 } properties)
        {
            return Task.CompletedTask;
        }

        var validatorType = typeof(IValidator<>).MakeGenericType(context.JsonTypeInfo.Type);
        if (context.ApplicationServices.GetService(validatorType) is not IValidator validator)
        {
            return Task.CompletedTask;
        }

        var rules = validator.CreateDescriptor().GetMembersWithValidators();
        foreach (var property in context.JsonTypeInfo.Properties)
        {
            if (!properties.TryGetValue(property.Name, out var found) || found is not OpenApiSchema target)
            {
                continue;
            }

            var member = (property.AttributeProvider as MemberInfo)?.Name;
            foreach (var group in rules.Where(g => string.Equals(g.Key, member, StringComparison.OrdinalIgnoreCase)
                || string.Equals(g.Key, property.Name, StringComparison.OrdinalIgnoreCase)))
            {
                foreach (var (rule, _) in group)
                {
                    Apply(target, rule);
                }
            }
        }

        return Task.CompletedTask;
    }

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
