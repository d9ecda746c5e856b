using System.Net;
using System.Text.Json;

namespace Mercato.Client.Errors;

/// <summary>Reads an error answer's envelope into a <see cref="MercatoApiException"/>.</summary>
internal static class ErrorEnvelope
{
    /// <summary>Reads <paramref name="response"/>'s body (any body; a non-envelope gives an exception with the status only).</summary>
    /// <param name="response">An answer with a 4xx or 5xx status.</param>
    /// <param name="cancellationToken">Cancels the read.</param>
    /// <returns>The exception describing the answer.</returns>
    public static async Task<MercatoApiException> ReadAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        var status = response.StatusCode;
        var fallback = $"The Mercato API answered {(int)status} {response.ReasonPhrase}.";
        var body = response.Content is null ? string.Empty : await response.Content.ReadAsStringAsync(cancellationToken).ConfigureAwait(false);
        try
        {
            using var document = JsonDocument.Parse(body);
            return FromJson(status, document.RootElement, fallback);
        }
        catch (JsonException)
        {
            return new MercatoApiException(status, fallback, [], null, null);
        }
    }

    private static MercatoApiException FromJson(HttpStatusCode status, JsonElement root, string fallback)
    {
        if (root.ValueKind != JsonValueKind.Object)
        {
            return new MercatoApiException(status, fallback, [], null, null);
        }

        var errors = new List<MercatoApiError>();
        if (root.TryGetProperty("errors", out var list) && list.ValueKind == JsonValueKind.Array)
        {
            foreach (var item in list.EnumerateArray().Where(i => i.ValueKind == JsonValueKind.Object))
            {
                errors.Add(new MercatoApiError(Text(item, "code") ?? "UNKNOWN", Text(item, "message") ?? string.Empty, Text(item, "field")));
            }
        }

        var message = Text(root, "message") ?? (errors.Count > 0 ? errors[0].Message : fallback);
        return new MercatoApiException(status, message, errors, Text(root, "traceId"), Text(root, "path"));
    }

    private static string? Text(JsonElement element, string name) =>
        element.TryGetProperty(name, out var value) && value.ValueKind == JsonValueKind.String ? value.GetString() : null;
}
