using System.Net.Mail;

namespace Mercato.Identity.Accounts;

/// <summary>What Mercato accepts as an e-mail address: one mailbox, no display name, a dotted domain.</summary>
internal static class EmailAddressRule
{
    /// <summary>Whether <paramref name="value"/> is an acceptable address.</summary>
    public static bool IsValid(string? value)
    {
        if (string.IsNullOrWhiteSpace(value) || value.Trim() != value)
        {
            return false;
        }

        if (!MailAddress.TryCreate(value, out var address) || address.Address != value || address.DisplayName.Length > 0)
        {
            return false;
        }

        var host = address.Host;
        return host.Contains('.', StringComparison.Ordinal) && !host.StartsWith('.') && !host.EndsWith('.');
    }
}
