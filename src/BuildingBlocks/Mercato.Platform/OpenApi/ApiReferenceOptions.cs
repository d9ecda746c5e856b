namespace Mercato.Platform.OpenApi;

/// <summary>
/// The documents listed by the interactive reference. The platform adds the ones this process
/// generates; a host that fronts other processes (the gateway) adds the ones it routes to.
/// </summary>
public sealed class ApiReferenceOptions
{
    /// <summary>The documents, in the order the picker shows them; the first is selected initially.</summary>
    public IList<ApiDocumentLink> Documents { get; } = [];
}
