using FluentValidation;
using FluentValidation.Results;
using Mercato.Platform.Envelope;

namespace Mercato.Identity.Passwords;

/// <summary>The password policy as FluentValidation rules, so every request that sets a password names the failing field up front.</summary>
internal static class PasswordRules
{
    /// <summary>
    /// Required, at most <see cref="PasswordPolicyOptions.MaximumLength"/> characters, and every other
    /// rule of <see cref="PasswordPolicy.Check"/>, each failure on the rule's own field.
    /// </summary>
    public static void NewPassword<T>(this AbstractValidator<T> validator, System.Linq.Expressions.Expression<Func<T, string?>> field, PasswordPolicyOptions policy)
    {
        var longest = policy.MaximumLength;
        var value = field.Compile();
        validator.RuleFor(field).NotEmpty();
        validator.RuleFor(field).MaximumLength(longest)
            .WithMessage($"Password must be at most {longest} characters.");
        validator.RuleFor(field).Custom((password, context) =>
        {
            // The length is the rule above (which the document publishes); the policy's other checks here.
            foreach (var broken in PasswordPolicy.Check(password, policy).Where(b => b.Code != PasswordPolicy.TooLongCode))
            {
                context.AddFailure(new ValidationFailure(context.PropertyPath, broken.Description) { ErrorCode = ErrorCodes.ValidationError });
            }
        }).When(r => !string.IsNullOrEmpty(value(r)));
    }

    /// <summary>When given (or when <paramref name="required"/>), <paramref name="confirm"/> must equal <paramref name="password"/>.</summary>
    public static void Confirmation<T>(
        this AbstractValidator<T> validator,
        System.Linq.Expressions.Expression<Func<T, string?>> confirm,
        System.Linq.Expressions.Expression<Func<T, string?>> password,
        string passwordName,
        PasswordPolicyOptions policy,
        bool required)
    {
        if (required)
        {
            validator.RuleFor(confirm).NotEmpty();
        }

        var compiled = confirm.Compile();
        validator.RuleFor(confirm).MaximumLength(policy.MaximumLength).Equal(password).When(r => compiled(r) is { Length: > 0 } || (!required && compiled(r) is not null))
            .WithMessage($"'Confirm Password' must match '{passwordName}'.");
    }
}
