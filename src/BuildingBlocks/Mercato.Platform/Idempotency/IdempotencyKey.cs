using Mercato.Platform.Envelope;
using Mercato.Platform.Errors;
using Microsoft.AspNetCore.Http;

namespace Mercato.Platform.Idempotency;

/// <summary>Reads and validates the <c>Idempotency-Key</c> request header.</summary>
public static class IdempotencyKey
{
    /// <summary>The header's name; also the <c>field</c> of its errors.</summary>
    public const string HeaderName = "Idempotency-Key";

    /// <summary>The longest key accepted.</summary>
    public const int MaxLength = 255;

    /// <summary>
    /// Reads the header: <paramref name="key"/> is null when the header is absent; a present but
    /// invalid header (empty, repeated, longer than 255 characters, or with characters outside
    /// printable ASCII) gives a 400 <c>VALIDATION_ERROR</c> in <paramref name="error"/>.
    /// </summary>
    public static bool TryRead(HttpRequest request, out string? key, out ApiErrorResult? error)
    {
        key = null;
        error = null;
        var values = request.Headers[HeaderName];
        if (values.Count == 0)
        {
            return true;
        }

        var value = values.Count == 1 ? values[0] : null;
        if (value is null || !IsValid(value))
        {
            error = ApiResults.BadRequest(
                HeaderName,
                values.Count > 1
                    ? "Send the Idempotency-Key header once"
                    : $"The Idempotency-Key header must be 1-{MaxLength} printable ASCII characters");
            return false;
        }

        key = value;
        return true;
    }

    /// <summary>True for 1-255 printable ASCII characters (space to tilde).</summary>
    public static bool IsValid(string value) =>
        value.Length is > 0 and <= MaxLength && value.All(c => c is >= ' ' and <= '~');
}
