using System.Text;
using System.Text.Json;

namespace Mercato.Logs.Tests.Support;

/// <summary>Reading what a token says about its holder.</summary>
public static class Tokens
{
    /// <summary>The subject (<c>sub</c>) of a JWT.</summary>
    public static string SubjectOf(string token)
    {
        var payload = token.Split('.')[1].Replace('-', '+').Replace('_', '/');
        payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
        using var json = JsonDocument.Parse(Encoding.UTF8.GetString(Convert.FromBase64String(payload)));
        return json.RootElement.GetProperty("sub").GetString()!;
    }
}
