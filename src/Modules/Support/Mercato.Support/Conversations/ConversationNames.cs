namespace Mercato.Support.Conversations;

/// <summary>The lower-case names the API uses for statuses.</summary>
internal static class ConversationNames
{
    /// <summary>Statuses by name (any case).</summary>
    public static readonly IReadOnlyDictionary<string, ConversationStatus> Statuses =
        Enum.GetValues<ConversationStatus>().ToDictionary(Of, s => s, StringComparer.OrdinalIgnoreCase);

    /// <summary>The names, as the API documents them.</summary>
    public static readonly IReadOnlyList<string> Names = [.. Statuses.Keys];

    /// <summary>The status's name (<c>open</c>, <c>pending</c>, <c>closed</c>).</summary>
    public static string Of(ConversationStatus status) => status.ToString().ToLowerInvariant();
}
