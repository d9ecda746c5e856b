namespace Mercato.Platform.Persistence;

/// <summary>A module's database as registered with the host (for migrations and health).</summary>
/// <param name="Module">The owning module's name.</param>
/// <param name="ContextType">The module's DbContext service type.</param>
/// <param name="Provider">The provider in use.</param>
/// <param name="ConnectionString">The resolved connection string.</param>
public sealed record ModuleDatabase(string Module, Type ContextType, string Provider, string ConnectionString);
