using FluentValidation;
using Mercato.Platform.Validation;

namespace Mercato.Support.Conversations;

/// <summary>The limits of what customers and staff write.</summary>
internal static class ConversationRules
{
    /// <summary>The longest subject.</summary>
    public const int SubjectMaxLength = 200;

    /// <summary>The longest message.</summary>
    public const int BodyMaxLength = 5000;

    /// <summary>A message: 1 to <see cref="BodyMaxLength"/> characters of plain text (line breaks allowed), not only blanks.</summary>
    public static IRuleBuilderOptions<T, string?> MessageBody<T>(this IRuleBuilder<T, string?> rule)
        => rule.Must(b => !string.IsNullOrWhiteSpace(b)).WithErrorCode("NotEmptyValidator").WithMessage("'{PropertyName}' must not be empty.")
            .MaximumLength(BodyMaxLength)
            .PlainText(allowLineBreaks: true);
}
