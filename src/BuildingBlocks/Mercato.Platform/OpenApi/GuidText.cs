namespace Mercato.Platform.OpenApi;

/// <summary>The text of a GUID as Mercato writes and documents it: 32 hex digits and 4 hyphens.</summary>
public static class GuidText
{
    /// <summary>Its length; System.Text.Json reads no other form of a GUID in a body.</summary>
    public const int Length = 36;
}
