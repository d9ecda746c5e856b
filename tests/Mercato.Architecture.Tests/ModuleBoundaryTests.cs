using System.Reflection;
using Microsoft.EntityFrameworkCore;
using NetArchTest.Rules;

namespace Mercato.Architecture.Tests;

/// <summary>
/// A module references only other modules' Contracts (never their assemblies or tables), and
/// the building blocks reference no module. Checked on project files and on compiled assemblies.
/// </summary>
public sealed class ModuleBoundaryTests
{
    private static IReadOnlyList<ModuleProject> All => ModuleCatalog.Projects;

    [Fact]
    public void Modules_are_discovered_and_every_module_assembly_is_loaded_by_these_tests()
    {
        Assert.Contains(All, p => p.Module == "Probe" && !p.IsContracts);
        Assert.Contains(All, p => p.Module == "Probe" && p.IsContracts);
        Assert.Contains(All, p => p.Module == "Audit");

        var referenced = Assembly.GetExecutingAssembly().GetReferencedAssemblies().Select(a => a.Name).ToHashSet();
        var ownProject = new ModuleProject("Architecture", "Mercato.Architecture.Tests", Path.Combine(ModuleCatalog.Root, "tests", "Mercato.Architecture.Tests", "Mercato.Architecture.Tests.csproj"), false);
        var projectReferences = ownProject.ProjectReferences();
        var missing = All.Where(p => !projectReferences.Contains(p.ProjectName)).Select(p => p.ProjectName).ToList();
        Assert.True(missing.Count == 0, "Add these module projects to Mercato.Architecture.Tests.csproj: " + string.Join(", ", missing));
        Assert.NotEmpty(referenced);
    }

    [Fact]
    public void Module_projects_reference_only_building_blocks_and_contracts()
    {
        var violations = All.Where(p => p.IsImplementation)
            .SelectMany(p => BoundaryRules.ModuleViolations(p, p.ProjectReferences(), All))
            .ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Module_assemblies_reference_only_building_blocks_and_contracts()
    {
        var violations = All.Where(p => p.IsImplementation)
            .SelectMany(p => BoundaryRules.ModuleViolations(p, AssemblyReferences(p.ProjectName), All))
            .ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Contracts_depend_on_building_blocks_only()
    {
        var violations = All.Where(p => p.IsContracts)
            .SelectMany(p => BoundaryRules.ContractsViolations(p, p.ProjectReferences().Concat(AssemblyReferences(p.ProjectName)), All))
            .ToList();

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Clients_reference_only_building_blocks_and_their_own_contracts()
    {
        var clients = All.Where(p => p.IsClient).ToList();
        var violations = clients
            .SelectMany(p => BoundaryRules.ClientViolations(p, p.ProjectReferences().Concat(AssemblyReferences(p.ProjectName)), All))
            .ToList();

        Assert.Contains(clients, p => p.ProjectName == "Mercato.Catalog.Client");
        Assert.Contains(clients, p => p.ProjectName == "Mercato.Cart.Client");
        Assert.Contains(clients, p => p.ProjectName == "Mercato.Identity.Client");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Contracts_are_thin_and_depend_on_the_messaging_abstractions_only()
    {
        // Until Mercato.Messaging.Abstractions exists, event records still derive from the full
        // Mercato.Messaging: tolerate it, and in the compiled assembly what it brings along (the
        // Platform's OpenAPI source generator adds ASP.NET Core references). Once the
        // abstractions exist, nothing but them is allowed.
        string[] transitional = ModuleCatalog.HasMessagingAbstractions ? [] : ["Mercato.Messaging"];
        string[] compiledTransitional = ModuleCatalog.HasMessagingAbstractions ? [] : [.. transitional, .. AssemblyReferences("Mercato.Messaging")];
        var contracts = All.Where(p => p.IsContracts).ToList();
        var violations = contracts
            .SelectMany(p => BoundaryRules.ThinContractsViolations(p.ProjectName, p.ProjectReferences().Concat(p.PackageReferences()), transitional)
                .Concat(BoundaryRules.ThinContractsViolations(p.ProjectName, AssemblyReferences(p.ProjectName), compiledTransitional)))
            .ToList();

        Assert.Contains(contracts, p => p.ProjectName == "Mercato.Catalog.Contracts");
        Assert.Contains(contracts, p => p.ProjectName == "Mercato.Cart.Contracts");
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Module_types_are_internal_except_the_entry_points()
    {
        var modules = All.Where(p => p.IsProduct && p.IsImplementation).ToList();
        var violations = modules
            .SelectMany(p => BoundaryRules.PublicTypeViolations(p.ProjectName, ModuleCatalog.Load(p.ProjectName).GetExportedTypes(), ModuleCatalog.PublicModuleTypes))
            .ToList();

        // The allow-list names real public types (it does not rot when an entry point is renamed).
        var exported = modules.SelectMany(p => ModuleCatalog.Load(p.ProjectName).GetExportedTypes()).Select(t => t.FullName).ToHashSet();
        Assert.All(ModuleCatalog.PublicModuleTypes, name => Assert.Contains(name, exported));
        Assert.Equal(ModuleCatalog.PublicModuleTypes.Length, modules.Count);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Building_blocks_reference_no_module()
    {
        var violations = new List<string>();
        foreach (var block in ModuleCatalog.BuildingBlocks)
        {
            var csproj = Path.Combine(ModuleCatalog.Root, "src", "BuildingBlocks", block, block + ".csproj");
            var project = new ModuleProject("BuildingBlocks", block, csproj, false);
            violations.AddRange(BoundaryRules.BuildingBlockViolations(block, project.ProjectReferences().Concat(AssemblyReferences(block)), All));

            var moduleNamespaces = All.Select(p => p.ProjectName).ToArray();
            var result = Types.InAssembly(ModuleCatalog.Load(block)).ShouldNot().HaveDependencyOnAny(moduleNamespaces).GetResult();
            if (!result.IsSuccessful)
            {
                violations.AddRange(result.FailingTypeNames.Select(t => $"{t} depends on a module namespace"));
            }
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Module_types_do_not_depend_on_another_modules_implementation_namespace()
    {
        var violations = new List<string>();
        foreach (var project in All.Where(p => !p.IsContracts))
        {
            // Every type of every other module's implementation, by full name (exact, so a
            // neighbour's Contracts namespace never matches by prefix).
            var others = All.Where(p => p.Module != project.Module && p.IsImplementation)
                .SelectMany(p => ModuleCatalog.Load(p.ProjectName).GetTypes())
                .Select(t => t.FullName!)
                .Where(n => !n.Contains('<', StringComparison.Ordinal))
                .ToArray();
            if (others.Length == 0)
            {
                continue;
            }

            var result = Types.InAssembly(ModuleCatalog.Load(project.ProjectName)).ShouldNot().HaveDependencyOnAny(others).GetResult();
            if (!result.IsSuccessful)
            {
                violations.AddRange(result.FailingTypeNames.Select(t => $"{t} depends on another module's implementation"));
            }
        }

        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void Each_module_maps_only_its_own_entities_and_its_tables_are_its_own()
    {
        var owners = new Dictionary<string, string>();
        var violations = new List<string>();
        foreach (var project in All.Where(p => !p.IsContracts))
        {
            var assembly = ModuleCatalog.Load(project.ProjectName);
            foreach (var contextType in assembly.GetTypes().Where(t => typeof(DbContext).IsAssignableFrom(t) && !t.IsAbstract && t.IsSealed && t.Name.Contains("Sqlite", StringComparison.Ordinal)))
            {
                using var context = CreateSqlite(contextType);
                foreach (var entity in context.Model.GetEntityTypes())
                {
                    var entityAssembly = entity.ClrType.Assembly.GetName().Name!;
                    var isPlatform = ModuleCatalog.BuildingBlocks.Contains(entityAssembly);
                    // Library entity types (ASP.NET Core Identity's user roles, claims...) are
                    // the module's own tables; only another Mercato assembly's entities are not.
                    var isLibrary = !entityAssembly.StartsWith("Mercato.", StringComparison.Ordinal);
                    if (entityAssembly != project.ProjectName && !isPlatform && !isLibrary)
                    {
                        violations.Add($"{contextType.Name} maps {entity.ClrType.FullName} from {entityAssembly}");
                    }

                    var table = entity.GetTableName();
                    if (isPlatform || table is null)
                    {
                        continue;
                    }

                    if (owners.TryGetValue(table, out var owner) && owner != project.Module)
                    {
                        violations.Add($"Table {table} is mapped by both {owner} and {project.Module}");
                    }

                    owners[table] = project.Module;
                }
            }
        }

        Assert.NotEmpty(owners);
        Assert.True(violations.Count == 0, string.Join(Environment.NewLine, violations));
    }

    [Fact]
    public void The_rules_catch_violations()
    {
        var probe = new ModuleProject("Probe", "Mercato.Probe", "x", false);
        var probeContracts = new ModuleProject("Probe", "Mercato.Probe.Contracts", "x", true);
        var audit = new ModuleProject("Audit", "Mercato.Audit", "x", false);
        var auditContracts = new ModuleProject("Audit", "Mercato.Audit.Contracts", "x", true);
        IReadOnlyList<ModuleProject> all = [probe, probeContracts, audit, auditContracts];

        Assert.Single(BoundaryRules.ModuleViolations(audit, ["Mercato.Platform", "Mercato.Probe"], all));
        Assert.Empty(BoundaryRules.ModuleViolations(audit, ["Mercato.Platform", "Mercato.Probe.Contracts", "Mercato.Audit.Contracts"], all));
        Assert.Single(BoundaryRules.ContractsViolations(auditContracts, ["Mercato.Messaging", "Mercato.Probe.Contracts"], all));
        Assert.Single(BoundaryRules.BuildingBlockViolations("Mercato.Platform", ["Mercato.Audit.Contracts"], all));

        var auditClient = new ModuleProject("Audit", "Mercato.Audit.Client", "x", false);
        var probeClient = new ModuleProject("Probe", "Mercato.Probe.Client", "x", false);
        IReadOnlyList<ModuleProject> withClients = [.. all, auditClient, probeClient];
        Assert.Empty(BoundaryRules.ModuleViolations(audit, ["Mercato.Probe.Client", "Mercato.Probe.Contracts"], withClients));
        Assert.Empty(BoundaryRules.ClientViolations(auditClient, ["Mercato.Platform", "Mercato.Audit.Contracts"], withClients));
        Assert.Equal(2, BoundaryRules.ClientViolations(auditClient, ["Mercato.Audit", "Mercato.Probe.Contracts"], withClients).Count);

        // Public module types: the Probe test module keeps its types public, so only its entry point passes.
        var probeTypes = ModuleCatalog.Load("Mercato.Probe").GetExportedTypes();
        var probeEntryPoint = probeTypes.Single(t => t.Name == "ProbeModule").FullName!;
        Assert.Equal(probeTypes.Length - 1, BoundaryRules.PublicTypeViolations("Mercato.Probe", probeTypes, [probeEntryPoint]).Count);
        Assert.Empty(BoundaryRules.PublicTypeViolations("Mercato.Probe", probeTypes.Where(t => t.FullName == probeEntryPoint), [probeEntryPoint]));

        // Thin Contracts: only the messaging abstractions (the full Mercato.Messaging only until they exist).
        string[] thin = ["Mercato.Messaging.Abstractions", "System.Runtime", "System.Text.Json"];
        Assert.Empty(BoundaryRules.ThinContractsViolations("Mercato.Audit.Contracts", thin, tolerated: []));
        Assert.Empty(BoundaryRules.ThinContractsViolations("Mercato.Audit.Contracts", ["Mercato.Messaging"], tolerated: ["Mercato.Messaging"]));
        Assert.Single(BoundaryRules.ThinContractsViolations("Mercato.Audit.Contracts", ["Mercato.Messaging"], tolerated: []));
        string[] heavy =
        [
            "Mercato.Platform", "Mercato.Probe.Contracts", "Microsoft.EntityFrameworkCore", "Microsoft.EntityFrameworkCore.Relational",
            "StackExchange.Redis", "OpenTelemetry.Api", "RabbitMQ.Client", "Microsoft.AspNetCore.App", "Microsoft.AspNetCore.Http.Abstractions",
            "Microsoft.Extensions.Http.Resilience",
        ];
        Assert.Equal(heavy.Length, BoundaryRules.ThinContractsViolations("Mercato.Audit.Contracts", [.. thin, .. heavy], tolerated: ["Mercato.Messaging"]).Count);

        // The type-level check sees a real dependency: Audit's handler uses Probe's contract.
        var auditOnProbeContracts = Types.InAssembly(ModuleCatalog.Load("Mercato.Audit"))
            .ShouldNot().HaveDependencyOnAny("Mercato.Probe.Contracts").GetResult();
        Assert.False(auditOnProbeContracts.IsSuccessful);
        var auditOnProbeImplementation = Types.InAssembly(ModuleCatalog.Load("Mercato.Audit"))
            .ShouldNot().HaveDependencyOnAny(typeof(Mercato.Probe.Notes.Note).FullName!).GetResult();
        Assert.True(auditOnProbeImplementation.IsSuccessful);
        var probeOnItsOwnType = Types.InAssembly(ModuleCatalog.Load("Mercato.Probe"))
            .ShouldNot().HaveDependencyOnAny(typeof(Mercato.Probe.Notes.Note).FullName!).GetResult();
        Assert.False(probeOnItsOwnType.IsSuccessful);
    }

    private static IEnumerable<string> AssemblyReferences(string assemblyName) =>
        ModuleCatalog.Load(assemblyName).GetReferencedAssemblies().Select(a => a.Name!);

    private static DbContext CreateSqlite(Type contextType)
    {
        var optionsType = typeof(DbContextOptionsBuilder<>).MakeGenericType(contextType);
        var builder = (DbContextOptionsBuilder)Activator.CreateInstance(optionsType)!;
        builder.UseSqlite("Data Source=:memory:");
        return (DbContext)Activator.CreateInstance(contextType, builder.Options)!;
    }
}
