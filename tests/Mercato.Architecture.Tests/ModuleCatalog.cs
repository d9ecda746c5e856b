using System.Reflection;
using System.Xml.Linq;
using Mercato.Testing;

namespace Mercato.Architecture.Tests;

/// <summary>One module project found on disk: <c>src/Modules/&lt;Module&gt;/Mercato.&lt;Module&gt;[.Contracts|.Client]</c>.</summary>
/// <param name="Module">The module's folder name, e.g. <c>Catalog</c>.</param>
/// <param name="ProjectName">The project (and assembly) name.</param>
/// <param name="ProjectPath">The .csproj path.</param>
/// <param name="IsContracts">Whether this is the module's Contracts project.</param>
public sealed record ModuleProject(string Module, string ProjectName, string ProjectPath, bool IsContracts)
{
    /// <summary>Whether this is the module's HTTP client for neighbours in another process (<c>Mercato.&lt;Module&gt;.Client</c>).</summary>
    public bool IsClient => ProjectName.EndsWith(".Client", StringComparison.Ordinal);

    /// <summary>Whether this is the module itself (neither its Contracts nor its Client).</summary>
    public bool IsImplementation => !IsContracts && !IsClient;

    /// <summary>Whether this is a product module (under src/Modules), not a test-only one.</summary>
    public bool IsProduct => ProjectPath.Replace('\\', '/').Contains("/src/Modules/", StringComparison.Ordinal);

    /// <summary>The project names this project references.</summary>
    public IReadOnlyList<string> ProjectReferences() =>
        XDocument.Load(ProjectPath).Descendants("ProjectReference")
            .Select(r => Path.GetFileNameWithoutExtension(r.Attribute("Include")!.Value.Replace('\\', '/')))
            .ToList();

    /// <summary>The package and framework references of this project.</summary>
    public IReadOnlyList<string> PackageReferences() =>
        XDocument.Load(ProjectPath).Descendants()
            .Where(e => e.Name.LocalName is "PackageReference" or "FrameworkReference")
            .Select(r => r.Attribute("Include")!.Value)
            .ToList();
}

/// <summary>Finds the building blocks and every module (product modules and test-only modules).</summary>
public static class ModuleCatalog
{
    /// <summary>The building-block assemblies.</summary>
    public static readonly string[] BuildingBlocks = ["Mercato.Platform", "Mercato.Messaging.Abstractions", "Mercato.Messaging"];

    /// <summary>
    /// The public types of the product modules' implementation assemblies: their entry points,
    /// which Mercato.Server calls (<c>Add&lt;Module&gt;</c>, <c>Map&lt;Module&gt;</c>, the descriptor).
    /// Everything else in a module is internal; its tests and benchmarks see it through
    /// InternalsVisibleTo.
    /// </summary>
    public static readonly string[] PublicModuleTypes =
    [
        "Mercato.Identity.IdentityModule",
        "Mercato.Catalog.CatalogModule",
        "Mercato.Cart.CartModule",
        "Mercato.Ordering.OrderingModule",
        "Mercato.Payments.PaymentsModule",
        "Mercato.Notifications.NotificationsModule",
        "Mercato.Webhooks.WebhooksModule",
        "Mercato.Support.SupportModule",
        "Mercato.Logs.LogsModule",
    ];

    /// <summary>The small assembly a Contracts project may depend on (integration event base types and attributes).</summary>
    public const string MessagingAbstractions = "Mercato.Messaging.Abstractions";

    /// <summary>
    /// Whether <see cref="MessagingAbstractions"/> exists yet. Until it does, Contracts still
    /// derive their events from the full Mercato.Messaging, and the thin-Contracts rule tolerates it.
    /// </summary>
    public static bool HasMessagingAbstractions =>
        File.Exists(Path.Combine(Root, "src", "BuildingBlocks", MessagingAbstractions, MessagingAbstractions + ".csproj"));

    /// <summary>The repository root.</summary>
    public static string Root => RepoPaths.Root;

    /// <summary>Every module project under src/Modules and tests/TestModules.</summary>
    public static IReadOnlyList<ModuleProject> Projects { get; } = Discover();

    /// <summary>The module names.</summary>
    public static IEnumerable<string> Modules => Projects.Select(p => p.Module).Distinct();

    /// <summary>Loads a project's built assembly (it is referenced by this test project).</summary>
    public static Assembly Load(string assemblyName) => Assembly.Load(new AssemblyName(assemblyName));

    private static List<ModuleProject> Discover()
    {
        var projects = new List<ModuleProject>();
        foreach (var modulesFolder in new[] { Path.Combine(Root, "src", "Modules"), Path.Combine(Root, "tests", "TestModules") })
        {
            if (!Directory.Exists(modulesFolder))
            {
                continue;
            }

            foreach (var moduleFolder in Directory.GetDirectories(modulesFolder))
            {
                var module = Path.GetFileName(moduleFolder);
                foreach (var csproj in Directory.GetFiles(moduleFolder, "*.csproj", SearchOption.AllDirectories))
                {
                    var name = Path.GetFileNameWithoutExtension(csproj);
                    projects.Add(new ModuleProject(module, name, csproj, name.EndsWith(".Contracts", StringComparison.Ordinal)));
                }
            }
        }

        return projects;
    }
}
