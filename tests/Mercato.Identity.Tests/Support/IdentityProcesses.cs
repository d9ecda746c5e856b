using System.Net;
using Mercato.Identity.Clients;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Support;

/// <summary>
/// Identity as a real <c>Mercato.Server</c> process (and the processes around it), for the admin
/// seeding and distributed-mode tests. Every process runs in a <see cref="TempDirectory"/>.
/// </summary>
public static class IdentityProcesses
{
    /// <summary>Generous bound for anything a loaded CI machine does eventually.</summary>
    public static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    /// <summary>
    /// What every Identity process gets: only the Identity module, its data under
    /// <paramref name="dataDirectory"/>, tokens issued as <paramref name="issuer"/>, a cheap
    /// password hash (many sign-ups on a small machine) and no rate limiting of its own.
    /// </summary>
    public static Dictionary<string, string?> IdentitySettings(string dataDirectory, string issuer) =>
        new(StringComparer.OrdinalIgnoreCase)
        {
            ["Mercato:Services"] = IdentityModule.Name,
            ["Persistence:DataDirectory"] = dataDirectory,
            ["Auth:Issuer"] = issuer,
            ["Identity:Password:HashIterations"] = "1000",
            ["RateLimiting:Enabled"] = "false",
            ["Logging:LogLevel:Microsoft.EntityFrameworkCore"] = "Warning",
        };

    /// <summary>Starts <c>Mercato.Server</c> in <paramref name="workingDirectory"/> on <paramref name="port"/> (or a free one).</summary>
    public static Task<MercatoProcess> StartServerAsync(
        string workingDirectory, IDictionary<string, string?> settings, int? port = null, bool waitUntilLive = true, IEnumerable<string>? arguments = null) =>
        MercatoProcess.StartAsync(RepoPaths.ServerDll, settings, workingDirectory, arguments, port, waitUntilLive);

    /// <summary>
    /// Waits until the process has logged that it listens. Whatever it printed while starting
    /// (a generated admin password) comes before that line on the same stream, so it has been read.
    /// </summary>
    public static Task WaitUntilListeningAsync(MercatoProcess process) =>
        MercatoProcess.EventuallyAsync(
            () => Task.FromResult(process.Output.Any(l => l.Contains("Mercato listening on", StringComparison.Ordinal))),
            listening => listening,
            Patience);

    /// <summary>The passwords the process printed in the administrator banner (the <c>password:</c> lines).</summary>
    public static string[] PrintedPasswords(MercatoProcess process) =>
        [.. process.Output
            .Select(l => l.Trim())
            .Where(l => l.StartsWith("password:", StringComparison.Ordinal))
            .Select(l => l["password:".Length..].Trim())];

    /// <summary>Settings that configure a service client with a secret and scopes.</summary>
    public static void AddServiceClient(this IDictionary<string, string?> settings, string clientId, string secret, params string[] scopes)
    {
        settings[$"Identity:Clients:{clientId}:SecretHash"] = ServiceClientRegistry.HashSecret(secret);
        for (var i = 0; i < scopes.Length; i++)
        {
            settings[$"Identity:Clients:{clientId}:Scopes:{i}"] = scopes[i];
        }
    }

    /// <summary>Obtains a service token with the client-credentials grant; asserts 200.</summary>
    public static async Task<string> ServiceTokenAsync(this HttpClient client, string clientId, string secret, string scope)
    {
        using var form = new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["grant_type"] = "client_credentials",
            ["client_id"] = clientId,
            ["client_secret"] = secret,
            ["scope"] = scope,
        });
        using var response = await client.PostAsync(new Uri("/api/v1/auth/token", UriKind.Relative), form);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var body = await response.ReadJsonAsync();
        Assert.Equal(scope, body.GetProperty("scope").GetString());
        return body.GetProperty("access_token").GetString()!;
    }

    /// <summary>GETs <paramref name="url"/> (relative or absolute) without a token; asserts 200 and returns the JSON.</summary>
    public static async Task<System.Text.Json.JsonElement> GetOkJsonAsync(this HttpClient client, string url)
    {
        using var response = await client.GetAsync(new Uri(url, UriKind.RelativeOrAbsolute));
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.ReadJsonAsync();
    }
}
