using System.Collections.Concurrent;
using System.Reflection;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata;

namespace Mercato.Messaging.Audit;

/// <summary>The before / after of an audited change: the changed fields only, sensitive ones redacted.</summary>
internal static partial class AuditFields
{
    /// <summary>What a redacted value reads as.</summary>
    public const string Redacted = "***";

    private static readonly ConcurrentDictionary<PropertyInfo, bool> Sensitive = new();

    // As the API writes values: camelCase, enums by name.
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new System.Text.Json.Serialization.JsonStringEnumConverter(JsonNamingPolicy.CamelCase) },
    };

    /// <summary>The (before, after) JSON objects of a tracked entry; both null when nothing really changed.</summary>
    public static (string? Before, string? After) Of(EntityEntry entry, Microsoft.EntityFrameworkCore.EntityState state)
    {
        var before = new JsonObject();
        var after = new JsonObject();
        foreach (var property in entry.Properties)
        {
            var metadata = property.Metadata;
            switch (state)
            {
                case Microsoft.EntityFrameworkCore.EntityState.Added:
                    if (property.CurrentValue is not null)
                    {
                        after[Camel(metadata.Name)] = Value(metadata, property.CurrentValue);
                    }

                    break;
                case Microsoft.EntityFrameworkCore.EntityState.Deleted:
                    before[Camel(metadata.Name)] = Value(metadata, property.OriginalValue);
                    break;
                default:
                    if (property.IsModified && !Equals(property.OriginalValue, property.CurrentValue))
                    {
                        before[Camel(metadata.Name)] = Value(metadata, property.OriginalValue);
                        after[Camel(metadata.Name)] = Value(metadata, property.CurrentValue);
                    }

                    break;
            }
        }

        return state switch
        {
            Microsoft.EntityFrameworkCore.EntityState.Added => (null, after.ToJsonString()),
            Microsoft.EntityFrameworkCore.EntityState.Deleted => (before.ToJsonString(), null),
            _ when after.Count == 0 => (null, null),
            _ => (before.ToJsonString(), after.ToJsonString()),
        };
    }

    /// <summary>An object's public properties as a JSON object for an explicit audit entry, sensitive ones redacted (null stays null).</summary>
    public static string? Of(object? values)
    {
        if (values is null)
        {
            return null;
        }

        var json = new JsonObject();
        foreach (var property in values.GetType().GetProperties(BindingFlags.Public | BindingFlags.Instance))
        {
            json[Camel(property.Name)] = IsSensitive(property) ? JsonValue.Create(Redacted) : JsonSerializer.SerializeToNode(property.GetValue(values), property.PropertyType, Json);
        }

        return json.ToJsonString();
    }

    private static JsonNode? Value(IProperty property, object? value)
    {
        if (property.PropertyInfo is { } info && IsSensitive(info))
        {
            return JsonValue.Create(Redacted);
        }

        if (property.PropertyInfo is null && SensitiveName().IsMatch(property.Name))
        {
            return JsonValue.Create(Redacted);
        }

        return value is null ? null : JsonSerializer.SerializeToNode(value, value.GetType(), Json);
    }

    private static bool IsSensitive(PropertyInfo property) => Sensitive.GetOrAdd(property, static p =>
        p.GetCustomAttribute<AuditRedactedAttribute>() is not null
        || (p.GetCustomAttribute<AuditVisibleAttribute>() is null && SensitiveName().IsMatch(p.Name)));

    private static string Camel(string name) => name.Length == 0 ? name : char.ToLowerInvariant(name[0]) + name[1..];

    // Password hashes, security stamps, secrets, tokens, keys, one-time codes, card data.
    [GeneratedRegex("password|passwd|hash|securitystamp|concurrencystamp|secret|token|privatekey|apikey|signingkey|keymaterial|salt|otp|cvc|cvv|cardnumber|pan$|^code$|codehash", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SensitiveName();
}
