using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using Microsoft.AspNetCore.Http;

namespace Mercato.Identity.Clients;

/// <summary>Reads a token request's parameters: a form (RFC 6749) or, for convenience, a JSON object of strings.</summary>
internal static class TokenRequestReader
{
    /// <summary>The request's parameters, or null when the body is neither a form nor a JSON object of strings.</summary>
    public static async Task<Dictionary<string, string>?> ReadAsync(HttpRequest request, CancellationToken cancellationToken)
    {
        var fields = new Dictionary<string, string>(StringComparer.Ordinal);
        if (request.HasFormContentType)
        {
            var form = await request.ReadFormAsync(cancellationToken);
            foreach (var (key, value) in form)
            {
                if (value.Count != 1)
                {
                    return null;
                }

                fields[key] = value.ToString();
            }

            return fields;
        }

        if (request.HasJsonContentType())
        {
            try
            {
                using var document = await JsonDocument.ParseAsync(request.Body, cancellationToken: cancellationToken);
                if (document.RootElement.ValueKind != JsonValueKind.Object)
                {
                    return null;
                }

                foreach (var property in document.RootElement.EnumerateObject())
                {
                    if (property.Value.ValueKind != JsonValueKind.String)
                    {
                        return null;
                    }

                    fields[property.Name] = property.Value.GetString()!;
                }

                return fields;
            }
            catch (JsonException)
            {
                return null;
            }
        }

        return null;
    }

    /// <summary>
    /// Client id and secret from an <c>Authorization: Basic</c> header (RFC 6749 §2.3.1:
    /// form-url-encoded, then base64). Returns false when there is no Basic header;
    /// <paramref name="malformed"/> says whether one was present but unreadable.
    /// </summary>
    public static bool TryReadBasic(HttpRequest request, out string clientId, out string secret, out bool malformed)
    {
        clientId = secret = string.Empty;
        malformed = false;
        if (!AuthenticationHeaderValue.TryParse(request.Headers.Authorization, out var header)
            || !string.Equals(header.Scheme, "Basic", StringComparison.OrdinalIgnoreCase))
        {
            return false;
        }

        try
        {
            var decoded = Encoding.UTF8.GetString(Convert.FromBase64String(header.Parameter ?? string.Empty));
            var colon = decoded.IndexOf(':', StringComparison.Ordinal);
            if (colon <= 0)
            {
                malformed = true;
                return false;
            }

            clientId = Uri.UnescapeDataString(decoded[..colon].Replace('+', ' '));
            secret = Uri.UnescapeDataString(decoded[(colon + 1)..].Replace('+', ' '));
            return true;
        }
        catch (FormatException)
        {
            malformed = true;
            return false;
        }
    }
}
