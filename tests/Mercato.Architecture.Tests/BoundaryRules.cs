namespace Mercato.Architecture.Tests;

/// <summary>
/// The dependency rules of DESIGN.md as pure functions over names, so they can be checked on
/// the real projects and shown to catch a violation.
/// </summary>
public static class BoundaryRules
{
    /// <summary>
    /// What a module's implementation project may not reference: any other module's
    /// implementation project. It may reference building blocks, its own Contracts and other
    /// modules' Contracts.
    /// </summary>
    public static IReadOnlyList<string> ModuleViolations(ModuleProject project, IEnumerable<string> references, IReadOnlyList<ModuleProject> all) =>
        references
            .Select(r => all.FirstOrDefault(p => p.ProjectName == r))
            .Where(target => target is not null && target.Module != project.Module && !target.IsContracts)
            .Select(target => $"{project.ProjectName} references {target!.ProjectName}, the implementation of module {target.Module}; reference {target.Module}'s Contracts instead")
            .ToList();

    /// <summary>What a Contracts project may not reference: any module project except its own module's.</summary>
    public static IReadOnlyList<string> ContractsViolations(ModuleProject project, IEnumerable<string> references, IReadOnlyList<ModuleProject> all) =>
        references
            .Select(r => all.FirstOrDefault(p => p.ProjectName == r))
            .Where(target => target is not null && target.Module != project.Module)
            .Select(target => $"{project.ProjectName} references {target!.ProjectName}; Contracts may depend on building blocks only")
            .ToList();

    /// <summary>What a building block may not reference: any module project at all.</summary>
    public static IReadOnlyList<string> BuildingBlockViolations(string buildingBlock, IEnumerable<string> references, IReadOnlyList<ModuleProject> all) =>
        references
            .Where(r => all.Any(p => p.ProjectName == r))
            .Select(r => $"{buildingBlock} references module project {r}; building blocks must not know modules")
            .ToList();
}
