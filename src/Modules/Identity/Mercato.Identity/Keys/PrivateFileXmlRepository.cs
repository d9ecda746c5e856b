using System.Xml.Linq;
using Mercato.Platform.Persistence;
using Microsoft.AspNetCore.DataProtection.Repositories;

namespace Mercato.Identity.Keys;

/// <summary>
/// Keeps the Data Protection key ring (which protects the signing keys at rest) as one XML file
/// per key in a folder only the owner may read (folder 0700, files 0600). Each file is written
/// under a temporary name and then moved, so a reader never sees half a key.
/// </summary>
internal sealed class PrivateFileXmlRepository(string directory) : IXmlRepository
{
    /// <summary>The folder.</summary>
    public string Directory { get; } = Path.GetFullPath(directory);

    /// <inheritdoc />
    public IReadOnlyCollection<XElement> GetAllElements()
    {
        if (!System.IO.Directory.Exists(Directory))
        {
            return [];
        }

        return [.. System.IO.Directory.EnumerateFiles(Directory, "*.xml").Order(StringComparer.Ordinal).Select(XElement.Load)];
    }

    /// <inheritdoc />
    public void StoreElement(XElement element, string friendlyName)
    {
        OwnerOnlyFiles.EnsureFolder(Directory);
        var name = friendlyName.Length > 0 && friendlyName.All(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_')
            ? friendlyName
            : Guid.NewGuid().ToString("N");
        var temporary = Path.Combine(Directory, Guid.NewGuid().ToString("N") + ".tmp");
        using (var stream = OwnerOnlyFiles.Create(temporary))
        {
            element.Save(stream);
        }

        File.Move(temporary, Path.Combine(Directory, "key-" + name + ".xml"));
    }
}
