using FluentValidation;
using FluentValidation.Results;
using Mercato.Platform.Envelope;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;

namespace Mercato.Platform.Validation;

/// <summary>
/// Validates every endpoint argument that has a registered FluentValidation validator and
/// answers 400 with all failing fields at once, before the handler runs.
/// </summary>
internal static class ValidationFilter
{
    public static EndpointFilterDelegate Create(EndpointFilterFactoryContext context, EndpointFilterDelegate next)
    {
        var isService = context.ApplicationServices.GetRequiredService<IServiceProviderIsService>();
        var validated = new List<(int Index, Type ValidatorType)>();
        var parameters = context.MethodInfo.GetParameters();
        for (var i = 0; i < parameters.Length; i++)
        {
            var validatorType = typeof(IValidator<>).MakeGenericType(parameters[i].ParameterType);
            if (isService.IsService(validatorType))
            {
                validated.Add((i, validatorType));
            }
        }

        if (validated.Count == 0)
        {
            return next;
        }

        return async invocation =>
        {
            var errors = new List<ApiError>();
            foreach (var (index, validatorType) in validated)
            {
                var argument = invocation.Arguments[index];
                if (argument is null)
                {
                    continue;
                }

                var validator = (IValidator)invocation.HttpContext.RequestServices.GetRequiredService(validatorType);
                var result = await validator.ValidateAsync(
                    new ValidationContext<object>(argument), invocation.HttpContext.RequestAborted);
                errors.AddRange(result.Errors.Select(ToApiError));
            }

            return errors.Count > 0 ? ApiResults.Validation(errors) : await next(invocation);
        };
    }

    internal static ApiError ToApiError(ValidationFailure failure) =>
        new(CodeOf(failure.ErrorCode), failure.ErrorMessage, FieldName.ToCamelPath(failure.PropertyName));

    private static string CodeOf(string? validatorCode) => validatorCode switch
    {
        "NotEmptyValidator" or "NotNullValidator" => ErrorCodes.RequiredField,
        "EmailValidator" or "RegularExpressionValidator" or "CreditCardValidator" => ErrorCodes.InvalidFormat,
        null or "" => ErrorCodes.ValidationError,
        _ when validatorCode.EndsWith("Validator", StringComparison.Ordinal) => ErrorCodes.ValidationError,
        _ => validatorCode,
    };
}
