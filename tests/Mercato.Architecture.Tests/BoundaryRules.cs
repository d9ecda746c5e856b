namespace Mercato.Architecture.Tests;

/// <summary>
/// The dependency rules of DESIGN.md as pure functions over names, so they can be checked on
/// the real projects and shown to catch a violation.
/// </summary>
public static class BoundaryRules
{
    /// <summary>
    /// What a module's implementation project may not reference: any other module's
    /// implementation project. It may reference building blocks, its own Contracts and Client,
    /// and other modules' Contracts and Clients.
    /// </summary>
    public static IReadOnlyList<string> ModuleViolations(ModuleProject project, IEnumerable<string> references, IReadOnlyList<ModuleProject> all) =>
        references
            .Select(r => all.FirstOrDefault(p => p.ProjectName == r))
            .Where(target => target is not null && target.Module != project.Module && target.IsImplementation)
            .Select(target => $"{project.ProjectName} references {target!.ProjectName}, the implementation of module {target.Module}; reference {target.Module}'s Contracts instead")
            .ToList();

    /// <summary>What a module's Client project may reference of the modules: its own module's Contracts, nothing else.</summary>
    public static IReadOnlyList<string> ClientViolations(ModuleProject project, IEnumerable<string> references, IReadOnlyList<ModuleProject> all) =>
        references
            .Select(r => all.FirstOrDefault(p => p.ProjectName == r))
            .Where(target => target is not null && !(target.Module == project.Module && target.IsContracts))
            .Select(target => $"{project.ProjectName} references {target!.ProjectName}; a Client may depend on building blocks and its own module's Contracts only")
            .ToList();

    /// <summary>
    /// What keeps a Contracts project thin (events, DTOs and client interfaces): of Mercato's
    /// assemblies it may depend on <see cref="ModuleCatalog.MessagingAbstractions"/> only, and on
    /// no infrastructure: EF Core, Npgsql, Redis, OpenTelemetry, RabbitMQ, ASP.NET Core, HTTP
    /// resilience, validation.
    /// </summary>
    /// <param name="project">The Contracts project.</param>
    /// <param name="references">Its project, package and framework references, or its compiled assembly's references.</param>
    /// <param name="tolerated">References allowed for now (the full Mercato.Messaging until the abstractions exist).</param>
    public static IReadOnlyList<string> ThinContractsViolations(string project, IEnumerable<string> references, IReadOnlyCollection<string> tolerated) =>
        references
            .Distinct()
            .Where(r => r != ModuleCatalog.MessagingAbstractions && !tolerated.Contains(r))
            .Where(r => r.StartsWith("Mercato.", StringComparison.Ordinal)
                || InfrastructurePrefixes.Any(prefix => r == prefix || r.StartsWith(prefix + ".", StringComparison.Ordinal)))
            .Select(r => $"{project} depends on {r}; Contracts may depend on {ModuleCatalog.MessagingAbstractions} only")
            .ToList();

    private static readonly string[] InfrastructurePrefixes =
    [
        "Microsoft.EntityFrameworkCore", "Npgsql", "StackExchange.Redis", "OpenTelemetry", "RabbitMQ", "Microsoft.AspNetCore",
        "Microsoft.Extensions.Http", "Polly", "FluentValidation",
    ];

    /// <summary>What a Contracts project may not reference: any module project except its own module's.</summary>
    public static IReadOnlyList<string> ContractsViolations(ModuleProject project, IEnumerable<string> references, IReadOnlyList<ModuleProject> all) =>
        references
            .Select(r => all.FirstOrDefault(p => p.ProjectName == r))
            .Where(target => target is not null && target.Module != project.Module)
            .Select(target => $"{project.ProjectName} references {target!.ProjectName}; Contracts may depend on building blocks only")
            .ToList();

    /// <summary>The public types of a module assembly that are not on the allow-list of entry points.</summary>
    public static IReadOnlyList<string> PublicTypeViolations(string assembly, IEnumerable<Type> publicTypes, IReadOnlyCollection<string> allowed) =>
        publicTypes
            .Select(t => t.FullName!)
            .Where(name => !allowed.Contains(name))
            .Order(StringComparer.Ordinal)
            .Select(name => $"{name} in {assembly} is public; make it internal (tests and benchmarks see it through InternalsVisibleTo) or, if another assembly truly needs it, add it to the allow-list")
            .ToList();

    /// <summary>What a building block may not reference: any module project at all.</summary>
    public static IReadOnlyList<string> BuildingBlockViolations(string buildingBlock, IEnumerable<string> references, IReadOnlyList<ModuleProject> all) =>
        references
            .Where(r => all.Any(p => p.ProjectName == r))
            .Select(r => $"{buildingBlock} references module project {r}; building blocks must not know modules")
            .ToList();
}
