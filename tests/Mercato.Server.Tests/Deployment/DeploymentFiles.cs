using Mercato.Testing;

namespace Mercato.Server.Tests.Deployment;

/// <summary>
/// The Mercato processes that <c>deploy/compose.yaml</c> and <c>deploy/kubernetes</c> start, read
/// from the committed files (the env files as their committed <c>.example</c>, since the real ones
/// hold secrets and are git-ignored).
/// </summary>
internal static class DeploymentFiles
{
    /// <summary>The folder of the deployment files.</summary>
    public static string Folder { get; } = Path.Combine(RepoPaths.Root, "deploy");

    /// <summary>Every compose service that runs the Mercato image.</summary>
    public static IReadOnlyList<DeployedProcess> Compose() => Compose(Path.Combine(Folder, "compose.yaml"));

    /// <summary>Every compose service of <paramref name="path"/> that runs the Mercato image.</summary>
    public static IReadOnlyList<DeployedProcess> Compose(string path)
    {
        var compose = YamlFiles.Documents(path).Single();
        var processes = new List<DeployedProcess>();
        foreach (var (name, value) in compose.Map("services"))
        {
            var service = value as Dictionary<object, object?>;
            if (service.Text("image") is not { } image || !image.Contains("MERCATO_IMAGE", StringComparison.Ordinal))
            {
                continue; // PostgreSQL, RabbitMQ, Redis
            }

            var settings = new Dictionary<string, string>(StringComparer.Ordinal);
            var values = new Dictionary<string, string?>(StringComparer.Ordinal);
            foreach (var entry in EnvFiles(service))
            {
                var file = Path.Combine(Path.GetDirectoryName(path)!, entry + ".example");
                foreach (var (key, text) in EnvFileSettings(file))
                {
                    settings[key] = entry;
                    values[key] = text;
                }
            }

            foreach (var (key, text) in service.Map("environment"))
            {
                settings[(string)key] = "environment";
                values[(string)key] = text?.ToString();
            }

            foreach (var item in service.List("environment").OfType<string>())
            {
                var parts = item.Split('=', 2);
                settings[parts[0]] = "environment";
                values[parts[0]] = parts.Length > 1 ? parts[1] : null;
            }

            var arguments = service.List("command").Select(a => a?.ToString() ?? string.Empty).ToList();
            processes.Add(new DeployedProcess($"compose.yaml service {name}", arguments, settings, values));
        }

        return processes;
    }

    /// <summary>Every Deployment and Job in the Kubernetes manifests, with the keys of what its containers read.</summary>
    public static IReadOnlyList<DeployedProcess> Kubernetes() => Kubernetes(Path.Combine(Folder, "kubernetes"));

    /// <summary>Every Deployment and Job in the manifests of <paramref name="folder"/>.</summary>
    public static IReadOnlyList<DeployedProcess> Kubernetes(string folder)
    {
        var documents = Directory.GetFiles(folder, "*.yaml")
            .Where(f => Path.GetFileName(f) != "kustomization.yaml")
            .SelectMany(f => YamlFiles.Documents(f).Select(d => (File: Path.GetFileName(f), Document: d)))
            .ToList();
        Dictionary<string, IReadOnlyList<KeyValuePair<object, object?>>> EntriesOf(string kind) => documents
            .Where(d => d.Document.Text("kind") == kind)
            .ToDictionary(
                d => d.Document.Map("metadata").Text("name")!,
                d => (IReadOnlyList<KeyValuePair<object, object?>>)[.. d.Document.Map("data").Concat(d.Document.Map("stringData"))]);
        var configMaps = EntriesOf("ConfigMap");
        var secrets = EntriesOf("Secret");

        var processes = new List<DeployedProcess>();
        foreach (var (file, document) in documents.Where(d => d.Document.Text("kind") is "Deployment" or "Job"))
        {
            var source = $"{file} {document.Text("kind")}/{document.Map("metadata").Text("name")}";
            foreach (var container in document.Map("spec").Map("template").Map("spec").List("containers").OfType<Dictionary<object, object?>>())
            {
                var settings = new Dictionary<string, string>(StringComparer.Ordinal);
                var values = new Dictionary<string, string?>(StringComparer.Ordinal);
                foreach (var from in container.List("envFrom").OfType<Dictionary<object, object?>>())
                {
                    var (kind, map, reference) = from.ContainsKey("configMapRef")
                        ? ("ConfigMap", configMaps, from.Map("configMapRef").Text("name"))
                        : ("Secret", secrets, from.Map("secretRef").Text("name"));
                    if (reference is null || !map.TryGetValue(reference, out var entries))
                    {
                        throw new InvalidOperationException($"{source} reads {kind} '{reference}', which no manifest defines");
                    }

                    foreach (var (key, text) in entries)
                    {
                        settings[(string)key] = $"{kind} {reference}";
                        values[(string)key] = text?.ToString();
                    }
                }

                foreach (var env in container.List("env").OfType<Dictionary<object, object?>>())
                {
                    settings[env.Text("name")!] = "env";
                    values[env.Text("name")!] = env.Text("value");
                }

                var arguments = container.List("args").Select(a => a?.ToString() ?? string.Empty).ToList();
                processes.Add(new DeployedProcess(source, arguments, settings, values));
            }
        }

        return processes;
    }

    private static IEnumerable<string> EnvFiles(Dictionary<object, object?>? service) =>
        service is not null && service.TryGetValue("env_file", out var value)
            ? value switch
            {
                string one => [one],
                List<object?> many => many.Select(e => e as string ?? (e as Dictionary<object, object?>).Text("path")!),
                _ => [],
            }
            : [];

    /// <summary>The variables an env file sets, with their values (<c>KEY=value</c> lines; comments and blank lines skipped).</summary>
    private static IEnumerable<KeyValuePair<string, string?>> EnvFileSettings(string file) => File.ReadAllLines(file)
        .Select(l => l.Trim())
        .Where(l => l.Length > 0 && !l.StartsWith('#'))
        .Select(l => l.Split('=', 2))
        .Select(p => KeyValuePair.Create(p[0].Trim(), p.Length > 1 ? p[1].Trim() : null));
}
