using Microsoft.Extensions.Logging;

namespace Mercato.Logs.Entries;

/// <summary>The level names of the API and their numbers.</summary>
internal static class LogLevels
{
    /// <summary>Names (as shipped and as <c>level</c> accepts them) to numbers.</summary>
    public static readonly IReadOnlyDictionary<string, int> ByName = new Dictionary<string, int>(StringComparer.OrdinalIgnoreCase)
    {
        ["trace"] = (int)LogLevel.Trace,
        ["debug"] = (int)LogLevel.Debug,
        ["information"] = (int)LogLevel.Information,
        ["warning"] = (int)LogLevel.Warning,
        ["error"] = (int)LogLevel.Error,
        ["critical"] = (int)LogLevel.Critical,
    };

    /// <summary>The name of a level number.</summary>
    public static string NameOf(int level) => ByName.FirstOrDefault(p => p.Value == level).Key ?? "critical";
}
