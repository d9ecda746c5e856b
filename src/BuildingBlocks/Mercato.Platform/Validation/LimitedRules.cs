using FluentValidation;
using FluentValidation.Validators;

namespace Mercato.Platform.Validation;

/// <summary>
/// Hand-written checks that state the limit they imply, so the OpenAPI documents publish it from
/// the very rule the server runs (<c>ValidationLimitsSchemaTransformer</c> reads them as it reads
/// FluentValidation's built-in rules): <see cref="Within{T}"/> carries a maximum length,
/// <see cref="OneOf{T}"/> the names a value may take.
/// </summary>
public static class LimitedRules
{
    /// <summary>
    /// The value (when not null) must pass <paramref name="isValid"/>, which accepts nothing longer
    /// than <paramref name="maxLength"/>; the document publishes <c>maxLength</c>.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> Within<T>(this IRuleBuilder<T, string?> rule, int maxLength, Func<string, bool> isValid)
        => rule.SetValidator(new WithinValidator<T>(maxLength, isValid));

    /// <summary>
    /// The value must be one of <paramref name="names"/> (ignoring case; null is none of them) or pass
    /// <paramref name="isValid"/> when given (aliases); the document publishes the names as <c>enum</c>.
    /// </summary>
    public static IRuleBuilderOptions<T, string?> OneOf<T>(this IRuleBuilder<T, string?> rule, IReadOnlyList<string> names, Func<string, bool>? isValid = null)
        => rule.SetValidator(new OneOfValidator<T>(names, isValid ?? (value => names.Contains(value, StringComparer.OrdinalIgnoreCase))));

    /// <summary>
    /// A map (when not null) has at most <paramref name="maxCount"/> entries, each with a name of
    /// 1 to <paramref name="maxNameLength"/> characters and a value of at most
    /// <paramref name="maxValueLength"/>; the document publishes <c>maxProperties</c> and the
    /// values' <c>maxLength</c>.
    /// </summary>
    public static IRuleBuilderOptions<T, Dictionary<string, string>?> Entries<T>(this IRuleBuilder<T, Dictionary<string, string>?> rule, int maxCount, int maxNameLength, int maxValueLength)
        => rule.SetValidator(new EntriesValidator<T>(maxCount, maxNameLength, maxValueLength));
}

/// <summary>A rule bounding a map of text: its size and the lengths of its names and values.</summary>
public interface IEntriesValidator : IPropertyValidator
{
    /// <summary>The most entries.</summary>
    int MaxCount { get; }

    /// <summary>The longest name.</summary>
    int MaxNameLength { get; }

    /// <summary>The longest value.</summary>
    int MaxValueLength { get; }
}

/// <summary>A rule whose accepted values are a list of names (published as <c>enum</c>).</summary>
public interface INamesValidator : IPropertyValidator
{
    /// <summary>The names.</summary>
    IReadOnlyList<string> Names { get; }
}

/// <summary>See <see cref="LimitedRules.Within{T}"/>.</summary>
/// <typeparam name="T">The validated type.</typeparam>
internal sealed class WithinValidator<T>(int maxLength, Func<string, bool> isValid) : PropertyValidator<T, string?>, ILengthValidator
{
    public override string Name => "WithinValidator";

    public int Min => 0;

    public int Max => maxLength;

    public override bool IsValid(ValidationContext<T> context, string? value)
        => value is null || (value.Length <= maxLength && isValid(value));

    protected override string GetDefaultMessageTemplate(string errorCode) => "'{PropertyName}' is not valid.";
}

/// <summary>See <see cref="LimitedRules.OneOf{T}"/>.</summary>
/// <typeparam name="T">The validated type.</typeparam>
internal sealed class OneOfValidator<T>(IReadOnlyList<string> names, Func<string, bool> isValid) : PropertyValidator<T, string?>, INamesValidator
{
    public override string Name => "OneOfValidator";

    public IReadOnlyList<string> Names => names;

    public override bool IsValid(ValidationContext<T> context, string? value) => value is not null && isValid(value);

    protected override string GetDefaultMessageTemplate(string errorCode) => $"'{{PropertyName}}' must be one of {string.Join(", ", names)}.";
}

/// <summary>See <see cref="LimitedRules.Entries{T}"/>.</summary>
/// <typeparam name="T">The validated type.</typeparam>
internal sealed class EntriesValidator<T>(int maxCount, int maxNameLength, int maxValueLength) : PropertyValidator<T, Dictionary<string, string>?>, IEntriesValidator
{
    public override string Name => "EntriesValidator";

    public int MaxCount => maxCount;

    public int MaxNameLength => maxNameLength;

    public int MaxValueLength => maxValueLength;

    public override bool IsValid(ValidationContext<T> context, Dictionary<string, string>? value)
        => value is null || (value.Count <= maxCount && value.All(p => p.Key.Length > 0 && p.Key.Length <= maxNameLength && p.Value is not null && p.Value.Length <= maxValueLength));

    protected override string GetDefaultMessageTemplate(string errorCode)
        => $"At most {maxCount} entries in '{{PropertyName}}', each with a 1-{maxNameLength} character name and a value of at most {maxValueLength} characters.";
}
