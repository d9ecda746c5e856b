using System.Text.Json.Serialization.Metadata;
using Mercato.Platform.Envelope;
using Microsoft.AspNetCore.OpenApi;

namespace Mercato.Platform.OpenApi;

/// <summary>
/// Readable, valid component names for generic and collection types:
/// <c>ApiResponse&lt;NoteResponse[]&gt;</c> becomes <c>ApiResponseOfNoteResponseList</c> instead of the
/// default <c>ApiResponseOfNoteResponse[]</c>, whose brackets are not allowed in a component name.
/// The error envelope's entry (<see cref="ApiError"/>) is published as <c>ErrorDetail</c>: client
/// generators bring an <c>ApiError</c> type of their own (Kiota's TypeScript abstractions, which every
/// error model extends), and a schema of that name breaks the generated code.
/// </summary>
internal static class SchemaNames
{
    /// <summary>The component name for a type, or null where the default inlines it.</summary>
    public static string? For(JsonTypeInfo info) =>
        OpenApiOptions.CreateDefaultSchemaReferenceId(info) is null ? null : Of(info.Type);

    /// <summary>The readable name of a type.</summary>
    public static string Of(Type type)
    {
        if (type == typeof(ApiError))
        {
            return OpenApiNames.ErrorDetailSchema;
        }

        if (Nullable.GetUnderlyingType(type) is { } underlying)
        {
            return Of(underlying);
        }

        if (type.IsArray)
        {
            return Of(type.GetElementType()!) + "List";
        }

        if (!type.IsGenericType)
        {
            return type.Name;
        }

        if (ElementOf(type) is { } element)
        {
            return Of(element) + "List";
        }

        var name = type.Name[..type.Name.IndexOf('`', StringComparison.Ordinal)];
        return name + "Of" + string.Join("And", type.GetGenericArguments().Select(Of));
    }

    private static Type? ElementOf(Type type)
    {
        var definition = type.GetGenericTypeDefinition();
        if (definition == typeof(IDictionary<,>) || definition == typeof(IReadOnlyDictionary<,>) || definition == typeof(Dictionary<,>))
        {
            return null;
        }

        return definition == typeof(IEnumerable<>)
            ? type.GetGenericArguments()[0]
            : type.GetInterfaces()
                .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(IEnumerable<>))
                ?.GetGenericArguments()[0];
    }
}
