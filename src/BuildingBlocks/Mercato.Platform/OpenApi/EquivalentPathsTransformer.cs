using System.Text.RegularExpressions;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Mercato.Platform.OpenApi;

/// <summary>
/// Merges paths that differ only in the names of their parameters (<c>/products/{id}</c> for the
/// admin writes, <c>/products/{idOrSlug}</c> for the read), which OpenAPI forbids: the operations
/// of the later path move under the first one, their path parameter renamed to its name.
/// </summary>
internal sealed partial class EquivalentPathsTransformer : IOpenApiDocumentTransformer
{
    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        var kept = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var path in document.Paths.Keys.ToList())
        {
            var signature = Parameter().Replace(path, "{}");
            if (!kept.TryGetValue(signature, out var target))
            {
                kept[signature] = path;
                continue;
            }

            if (document.Paths[path] is not OpenApiPathItem moved || document.Paths[target] is not OpenApiPathItem into)
            {
                continue;
            }

            var renames = Parameter().Matches(path).Select(m => m.Value[1..^1])
                .Zip(Parameter().Matches(target).Select(m => m.Value[1..^1]))
                .Where(pair => pair.First != pair.Second)
                .ToDictionary(pair => pair.First, pair => pair.Second, StringComparer.Ordinal);
            foreach (var (method, operation) in moved.Operations ?? [])
            {
                foreach (var parameter in (operation.Parameters ?? []).OfType<OpenApiParameter>())
                {
                    if (parameter.In == ParameterLocation.Path && parameter.Name is { } name && renames.TryGetValue(name, out var renamed))
                    {
                        parameter.Name = renamed;
                    }
                }

                into.AddOperation(method, operation);
            }

            document.Paths.Remove(path);
        }

        return Task.CompletedTask;
    }

    [GeneratedRegex(@"\{[^}]+\}")]
    private static partial Regex Parameter();
}
