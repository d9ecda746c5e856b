using System.Text.Json.Serialization;

namespace Mercato.Platform.Envelope;

/// <summary>One entry of the error envelope's <c>errors</c> array.</summary>
public sealed record ApiError
{
    /// <summary>Creates an error entry.</summary>
    public ApiError(string code, string message, string? field = null)
    {
        Code = code;
        Message = message;
        Field = field;
    }

    /// <summary>A stable code from <see cref="ErrorCodes"/>.</summary>
    public string Code { get; init; }

    /// <summary>What went wrong, for a human.</summary>
    public string Message { get; init; }

    /// <summary>The camelCase path of the offending input; always written, null when no input is at fault.</summary>
    [JsonIgnore(Condition = JsonIgnoreCondition.Never)]
    public string? Field { get; init; }

    /// <summary>Extra machine-readable facts (e.g. <c>availableStock</c>), written inline.</summary>
    [JsonExtensionData]
    public IDictionary<string, object?>? Details { get; init; }
}
