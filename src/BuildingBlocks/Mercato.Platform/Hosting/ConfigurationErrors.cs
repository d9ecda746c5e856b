using System.Collections.Concurrent;
using System.Text.RegularExpressions;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace Mercato.Platform.Hosting;

/// <summary>
/// Turns what configuration can break at start (an unknown provider or transport, a malformed URL,
/// a negative or unparsable duration, any settings class whose validation fails) into one line
/// for the operator, naming the setting, instead of a stack trace.
/// </summary>
public static partial class ConfigurationErrors
{
    /// <summary>What starts the line on standard error.</summary>
    public const string Prefix = "Mercato cannot start: configuration error: ";

    private static readonly ConcurrentDictionary<string, string> Sections = new(StringComparer.Ordinal);

    /// <summary>
    /// Checks every settings class registered with <c>ValidateOnStart</c> now, before the host starts
    /// (and before it would log the failure with a stack trace).
    /// </summary>
    public static void ValidateAll(IServiceProvider services)
    {
        ArgumentNullException.ThrowIfNull(services);
        services.GetService<IStartupValidator>()?.Validate();
    }

    /// <summary>
    /// Says which configuration section the options named <paramref name="optionsName"/> are bound
    /// from, for options whose own validation names them by a code path (a resilience pipeline's
    /// <c>Mercato.Catalog-standard.AttemptTimeout.Timeout</c>): their failures then name the setting
    /// (<c>Services:Catalog:Resilience:AttemptTimeout:Timeout</c>).
    /// </summary>
    public static void NameSection(string optionsName, string section) => Sections[optionsName] = section;

    /// <summary>The operator-facing description of <paramref name="exception"/>, or null when it is not a configuration error.</summary>
    public static string? Describe(Exception exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        var problems = Problems(exception).Distinct().ToList();
        return problems.Count == 0 ? null : string.Join("; ", problems);
    }

    private static List<string> Problems(Exception exception)
    {
        switch (exception)
        {
            case InvalidConfigurationException invalid:
                return [OneLine(invalid.Message)];
            case OptionsValidationException validation:
                return [.. validation.Failures.Select(f => OneLine(InSection(f)))];
            case AggregateException aggregate:
                var inner = aggregate.InnerExceptions.Select(Problems).ToList();
                return inner.Any(p => p.Count == 0) ? [] : [.. inner.SelectMany(p => p)];
            case InvalidOperationException conversion when UnparsableValue().Match(conversion.Message) is { Success: true } match:
                return [$"{match.Groups["key"].Value} {Quoted(match.Groups["value"])}is not a valid {ShortType(match.Groups["type"].Value)}"];
            default:
                return exception.InnerException is { } cause && !ReferenceEquals(cause, exception) ? Problems(cause) : [];
        }
    }

    private static string InSection(string failure)
    {
        // "Timeout: The field Mercato.Catalog-standard.AttemptTimeout.Timeout must be ..." names the member after the options' name.
        foreach (var (optionsName, section) in Sections)
        {
            var marker = optionsName + ".";
            var at = failure.IndexOf(marker, StringComparison.Ordinal);
            if (at < 0)
            {
                continue;
            }

            var member = failure[(at + marker.Length)..];
            var end = member.IndexOf(' ', StringComparison.Ordinal);
            return end < 0
                ? $"{section}:{member.Replace('.', ':')}"
                : $"{section}:{member[..end].Replace('.', ':')}{member[end..]}";
        }

        return failure;
    }

    private static string Quoted(Group value) => value.Success ? $"'{value.Value}' " : string.Empty;

    private static string ShortType(string type) => type switch
    {
        "System.TimeSpan" => "duration (e.g. 00:05:00 or 1.00:00:00)",
        "System.Int32" or "System.Int64" or "System.UInt16" => "whole number",
        "System.Boolean" => "boolean (true or false)",
        _ => type[(type.LastIndexOf('.') + 1)..],
    };

    private static string OneLine(string text) => string.Join(' ', text.Split(['\r', '\n'], StringSplitOptions.RemoveEmptyEntries)).Trim().TrimEnd('.');

    [GeneratedRegex("^Failed to convert configuration value (?:'(?<value>.*)' )?at '(?<key>[^']+)' to type '(?<type>[^']+)'", RegexOptions.Singleline)]
    private static partial Regex UnparsableValue();
}
