namespace Mercato.Web.Components.Account;

/// <summary>What a conversation's status means to its customer.</summary>
internal static class SupportStatus
{
    /// <summary><c>open</c> → waiting for the shop, <c>pending</c> → answered, <c>closed</c> → closed.</summary>
    public static string Describe(string status) => status switch
    {
        "open" => "Waiting for the shop",
        "pending" => "Answered",
        "closed" => "Closed",
        _ => AccountFormat.Status(status),
    };
}
