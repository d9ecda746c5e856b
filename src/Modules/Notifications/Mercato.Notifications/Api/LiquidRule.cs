using FluentValidation;
using Mercato.Notifications.Templates;

namespace Mercato.Notifications.Api;

/// <summary>The validation rule that a text is valid Liquid, with the parser's message.</summary>
internal static class LiquidRule
{
    /// <summary>Fails with the parser's message when the value is not valid Liquid (nulls pass).</summary>
    public static IRuleBuilderOptionsConditions<T, string?> LiquidTemplate<T>(this IRuleBuilder<T, string?> rule)
        => rule.Custom((value, context) =>
        {
            if (value is not null && LiquidTemplates.Check(value) is { } error)
            {
                context.AddFailure($"{context.DisplayName} is not valid Liquid: {error}");
            }
        });
}
