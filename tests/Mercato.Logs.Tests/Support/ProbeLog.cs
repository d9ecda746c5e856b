using Microsoft.Extensions.Logging;

namespace Mercato.Logs.Tests.Support;

/// <summary>What the shipping tests log in a host, as Mercato's own code logs (source-generated).</summary>
public static partial class ProbeLog
{
    /// <summary>A warning with two structured values.</summary>
    [LoggerMessage(EventId = 4201, Level = LogLevel.Warning, Message = "Stock of {Sku} is low: {Units} left")]
    public static partial void LowStock(ILogger logger, string sku, int units);

    /// <summary>One record of a flood.</summary>
    [LoggerMessage(EventId = 4202, Level = LogLevel.Information, Message = "Flood record {Number}")]
    public static partial void Flood(ILogger logger, int number);
}
