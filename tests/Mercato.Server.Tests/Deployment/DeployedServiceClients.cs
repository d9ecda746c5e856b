using System.Text.RegularExpressions;
using Mercato.Platform.Hosting;

namespace Mercato.Server.Tests.Deployment;

/// <summary>
/// The service clients a deployment configures against the code's table (<c>Mercato.Server
/// service-clients</c>, <see cref="ServiceClientsCommand.Table"/>), both ways: the clients Identity
/// knows (<c>Identity__Clients__&lt;id&gt;__SecretHash</c> and <c>__Scopes__&lt;n&gt;</c>) and each
/// service's own (<c>Auth__ServiceClient__ClientId</c>, <c>ClientSecret</c>, <c>TokenEndpoint</c>,
/// <c>Scopes__&lt;n&gt;</c>). Scopes compare as sets: their order means nothing.
/// </summary>
internal static partial class DeployedServiceClients
{
    private const string Own = "Auth__ServiceClient__";

    /// <summary>Every difference between the deployment's service clients and <paramref name="table"/>, one line each.</summary>
    public static List<string> Mismatches(IReadOnlyList<DeployedProcess> processes, IReadOnlyList<ServiceClientNeeds> table)
    {
        var problems = new List<string>();
        var serving = processes.Where(p => !p.Migrates && p.Services.Count == 1).ToList();
        var identity = serving.Single(p => p.Services[0] == "identity");
        var known = IdentityClients(identity);
        var needed = table.Where(r => r.ClientId is not null).ToDictionary(r => r.ClientId!, r => r.Scopes, StringComparer.Ordinal);
        foreach (var (id, scopes) in needed)
        {
            if (!known.TryGetValue(id, out var client))
            {
                problems.Add($"{identity.Source}: Identity has no client {id}, which needs {Words(scopes)}");
                continue;
            }

            problems.AddRange(Compare($"{identity.Source}: Identity's client {id}", client.Scopes, scopes));
            if (!client.HasSecretHash)
            {
                problems.Add($"{identity.Source}: Identity's client {id} has no SecretHash");
            }
        }

        problems.AddRange(known.Keys.Where(id => !needed.ContainsKey(id))
            .Select(id => $"{identity.Source}: Identity has a client {id}, which no service needs"));

        foreach (var row in table)
        {
            if (serving.SingleOrDefault(p => p.Services[0] == row.Service) is not { } process)
            {
                continue; // Every service runs exactly once: another test says so.
            }

            var settings = process.Values.Where(s => s.Key.StartsWith(Own, StringComparison.Ordinal)).ToDictionary(s => s.Key[Own.Length..], s => s.Value);
            if (row.ClientId is null)
            {
                problems.AddRange(settings.Keys.Select(key => $"{process.Source}: sets {Own}{key}, but {row.Service} needs no service client"));
                continue;
            }

            if (settings.GetValueOrDefault("ClientId") != row.ClientId)
            {
                problems.Add($"{process.Source}: {Own}ClientId is '{settings.GetValueOrDefault("ClientId")}', not {row.ClientId}");
            }

            problems.AddRange(new[] { "ClientSecret", "TokenEndpoint" }
                .Where(key => !settings.ContainsKey(key))
                .Select(key => $"{process.Source}: {Own}{key} is not set"));
            problems.AddRange(Compare($"{process.Source}: {Own}Scopes", Indexed(settings, "Scopes"), row.Scopes));
        }

        return problems;
    }

    /// <summary>The clients Identity is given: each one's scopes and whether it has its secret's hash.</summary>
    private static Dictionary<string, (List<string> Scopes, bool HasSecretHash)> IdentityClients(DeployedProcess identity)
    {
        var clients = new Dictionary<string, (List<string> Scopes, bool HasSecretHash)>(StringComparer.Ordinal);
        foreach (var id in identity.Values.Keys.Select(k => ClientKey().Match(k)).Where(m => m.Success).Select(m => m.Groups["id"].Value).Distinct())
        {
            var prefix = $"Identity__Clients__{id}__";
            var settings = identity.Values.Where(s => s.Key.StartsWith(prefix, StringComparison.Ordinal)).ToDictionary(s => s.Key[prefix.Length..], s => s.Value);
            clients[id] = (Indexed(settings, "Scopes"), !string.IsNullOrWhiteSpace(settings.GetValueOrDefault("SecretHash")));
        }

        return clients;
    }

    /// <summary>The values of <c>&lt;name&gt;__0</c>, <c>&lt;name&gt;__1</c>, ... in index order.</summary>
    private static List<string> Indexed(Dictionary<string, string?> settings, string name) =>
        [.. settings
            .Select(s => (Match: IndexedKey().Match(s.Key), s.Value))
            .Where(s => s.Match.Success && s.Match.Groups["name"].Value == name)
            .OrderBy(s => int.Parse(s.Match.Groups["n"].Value, System.Globalization.CultureInfo.InvariantCulture))
            .Select(s => s.Value ?? string.Empty)];

    private static IEnumerable<string> Compare(string what, List<string> configured, IReadOnlyList<string> needed)
    {
        var missing = needed.Except(configured, StringComparer.Ordinal).ToList();
        var extra = configured.Except(needed, StringComparer.Ordinal).ToList();
        if (missing.Count > 0)
        {
            yield return $"{what} lacks {Words(missing)} (the code needs {Words(needed)})";
        }

        if (extra.Count > 0)
        {
            yield return $"{what} has {Words(extra)}, which the code does not need (it needs {Words(needed)})";
        }

        if (configured.Count != configured.Distinct(StringComparer.Ordinal).Count())
        {
            yield return $"{what} lists a scope twice: {Words(configured)}";
        }
    }

    private static string Words(IEnumerable<string> scopes) => scopes.Any() ? string.Join(' ', scopes) : "no scope";

    [GeneratedRegex("^Identity__Clients__(?<id>.+?)__(SecretHash|Scopes__[0-9]+)$")]
    private static partial Regex ClientKey();

    [GeneratedRegex("^(?<name>[A-Za-z]+)__(?<n>[0-9]+)$")]
    private static partial Regex IndexedKey();
}
