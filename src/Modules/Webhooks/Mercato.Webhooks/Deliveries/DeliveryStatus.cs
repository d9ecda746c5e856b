namespace Mercato.Webhooks.Deliveries;

/// <summary>Where a delivery stands.</summary>
internal enum DeliveryStatus
{
    /// <summary>Waiting for its next attempt.</summary>
    Pending,

    /// <summary>An attempt is in flight (leased to one worker).</summary>
    Sending,

    /// <summary>The receiver answered 2xx.</summary>
    Succeeded,

    /// <summary>Every attempt of the schedule failed, or the endpoint is gone.</summary>
    Failed,
}

/// <summary>Status names on the wire.</summary>
internal static class DeliveryStatusNames
{
    /// <summary>Names to statuses.</summary>
    public static readonly IReadOnlyDictionary<string, DeliveryStatus> ByName = new Dictionary<string, DeliveryStatus>(StringComparer.OrdinalIgnoreCase)
    {
        ["pending"] = DeliveryStatus.Pending,
        ["sending"] = DeliveryStatus.Sending,
        ["succeeded"] = DeliveryStatus.Succeeded,
        ["failed"] = DeliveryStatus.Failed,
    };

    /// <summary>The wire name of <paramref name="status"/>.</summary>
    public static string Of(DeliveryStatus status) => status.ToString().ToLowerInvariant();
}
