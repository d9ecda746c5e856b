using System.Reflection;
using System.Xml.Linq;
using NetArchTest.Rules;

namespace Mercato.Architecture.Tests;

/// <summary>
/// The storefront and the dashboard are a client of the public API like any other (DESIGN.md
/// "The web UI"): the Web project references the platform only, and its code touches no module,
/// no module's Contracts or Client, and no database.
/// </summary>
public sealed class WebUiBoundaryTests
{
    private static readonly Assembly Web = typeof(Mercato.Web.WebModule).Assembly;

    [Fact]
    public void The_web_project_references_the_platform_and_nothing_of_a_module()
    {
        var project = Path.Combine(ModuleCatalog.Root, "src", "Web", "Mercato.Web", "Mercato.Web.csproj");
        var references = XDocument.Load(project).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

        Assert.Equal(["Mercato.Platform"], references);
        var assemblies = Web.GetReferencedAssemblies().Select(a => a.Name!).ToList();
        var modules = ModuleCatalog.Modules.ToHashSet(StringComparer.Ordinal);
        Assert.DoesNotContain(assemblies, a => a.StartsWith("Mercato.", StringComparison.Ordinal) && modules.Contains(a.Split('.')[1]));
        Assert.DoesNotContain(assemblies, a => a == "Mercato.Messaging" || a.StartsWith("Microsoft.EntityFrameworkCore", StringComparison.Ordinal));
    }

    [Fact]
    public void No_web_type_uses_a_module_namespace_or_a_database()
    {
        var forbidden = ModuleCatalog.Modules.Select(m => "Mercato." + m)
            .Concat(["Microsoft.EntityFrameworkCore", "Mercato.Platform.Persistence", "Mercato.Messaging", "Microsoft.Data.Sqlite", "Npgsql"])
            .ToArray();

        var result = Types.InAssembly(Web).ShouldNot().HaveDependencyOnAny(forbidden).GetResult();

        Assert.True(result.IsSuccessful, "These web types reach past the API: " + string.Join(", ", result.FailingTypeNames ?? []));
    }
}
