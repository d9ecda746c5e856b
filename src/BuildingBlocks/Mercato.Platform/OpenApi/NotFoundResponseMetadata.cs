namespace Mercato.Platform.OpenApi;

/// <summary>
/// Endpoint metadata: the operation may answer 404 in the error envelope although its path has no
/// route values (for example because what it works on does not exist in this process), so the
/// document lists that answer like the 404 of a route with an id.
/// </summary>
public sealed class NotFoundResponseMetadata
{
    /// <summary>The one instance.</summary>
    public static NotFoundResponseMetadata Instance { get; } = new();

    private NotFoundResponseMetadata()
    {
    }
}
