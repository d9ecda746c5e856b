using System.Reflection;
using Mercato.Catalog.Contracts;
using Mercato.Catalog.Products;
using Mercato.Catalog.Tests.Support;

namespace Mercato.Catalog.Tests;

/// <summary>No response of the Catalog, nor any DTO it gives neighbours, carries an EF entity (or owned) type.</summary>
public sealed class ResponseShapeTests(CatalogFactory factory) : IClassFixture<CatalogFactory>
{
    [Fact]
    public async Task No_response_type_exposes_an_entity_type_at_any_depth()
    {
        var entities = await factory.WithCatalogDbAsync(db => Task.FromResult(db.Model.GetEntityTypes().Select(e => e.ClrType).ToHashSet()));
        Assert.Contains(typeof(ProductImage), entities);
        Assert.Contains(typeof(ProductAttribute), entities);
        var responses = typeof(CatalogModule).Assembly.GetTypes().Where(t => t.Name.EndsWith("Response", StringComparison.Ordinal))
            .Concat(typeof(ICatalogClient).Assembly.GetExportedTypes().Where(t => t.Namespace == typeof(ICatalogClient).Namespace && !t.IsInterface && !t.IsAbstract))
            .ToList();
        Assert.Contains(typeof(ProductSummaryResponse), responses);

        Assert.EndsWith("Value is the entity type ProductAttribute", Assert.Single(Leaks(typeof(Probe), entities, [], nameof(Probe))), StringComparison.Ordinal);
        var leaks = responses.SelectMany(r => Leaks(r, entities, [], r.Name)).ToList();

        Assert.True(leaks.Count == 0, string.Join(Environment.NewLine, leaks));
    }

    private static IEnumerable<string> Leaks(Type type, HashSet<Type> entities, HashSet<Type> seen, string path)
    {
        if (entities.Contains(type))
        {
            yield return $"{path} is the entity type {type.Name}";
            yield break;
        }

        var framework = type.Namespace?.StartsWith("System", StringComparison.Ordinal) == true && !type.IsGenericType && !type.IsArray;
        if (type.IsPrimitive || type.IsEnum || framework || !seen.Add(type))
        {
            yield break;
        }

        var parts = type.IsArray ? [(type.GetElementType()!, path + "[]")]
            : type.IsGenericType ? type.GetGenericArguments().Select(a => (a, $"{path}<{a.Name}>"))
            : type.GetProperties(BindingFlags.Public | BindingFlags.Instance).Select(p => (p.PropertyType, $"{path}.{p.Name}"));
        foreach (var (part, partPath) in parts)
        {
            foreach (var leak in Leaks(part, entities, seen, partPath))
            {
                yield return leak;
            }
        }
    }

    /// <summary>A response that leaks an entity type two levels down, to show the check finds it.</summary>
    private sealed record Probe(string Name, Dictionary<string, IReadOnlyList<Wrapper>[]> Items);

    /// <summary>Part of <see cref="Probe"/>.</summary>
    private sealed record Wrapper(ProductAttribute Value);
}
