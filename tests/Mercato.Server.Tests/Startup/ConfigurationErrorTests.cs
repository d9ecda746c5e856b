using Mercato.Server.Tests.Support;
using Mercato.Testing;

namespace Mercato.Server.Tests.Startup;

/// <summary>
/// A setting the operator must fix stops the real server before it serves anything: exit code 2 and
/// one line naming the setting, never a stack trace.
/// </summary>
public sealed class ConfigurationErrorTests
{
    public static TheoryData<string, string, string, string[]> BadSettings() => new()
    {
        { "Persistence:Provider", "oracle", "Persistence:Provider 'oracle' is not supported", [] },
        { "Messaging:Transport", "carrier-pigeon", "Messaging:Transport 'carrier-pigeon' is not supported", [] },
        { "Auth:Issuer", "not a url", "Auth:Issuer 'not a url' is not an absolute http:// or https:// URL", [] },
        { "Services:Catalog:Url", "htp:/catalog", "Services:Catalog:Url", ["--services", "cart"] },
        { "Cart:SweepInterval", "-00:01:00", "Cart:SweepInterval must be positive", [] },
        { "Cart:SweepInterval", "soon", "Cart:SweepInterval 'soon' is not a valid duration", [] },
        { "Idempotency:LockTimeout", "-00:00:01", "Idempotency:LockTimeout must be positive", [] },
        { "Ordering:ReservationMargin", "-00:05:00", "Ordering:ReservationMargin must not be negative", [] },
        { "Ordering:DefaultCountry", "UK", "Ordering:DefaultCountry 'UK' is not an ISO 3166-1 alpha-2 country code", [] },
        { "Ordering:DefaultCountry", "gb", "Ordering:DefaultCountry 'gb' is not an ISO 3166-1 alpha-2 country code", [] },
        { "Catalog:Reservations:HoldFor", "00:00:00", "Catalog:Reservations:HoldFor must be positive", [] },
    };

    [Theory]
    [MemberData(nameof(BadSettings))]
    public async Task A_bad_setting_stops_the_start_with_exit_code_2_and_one_line_naming_it(
        string key, string value, string expected, string[] arguments)
    {
        using var workDir = new TempDirectory();

        await using var process = await Processes.RunToExitAsync(
            RepoPaths.ServerDll, workDir, new Dictionary<string, string?> { [key] = value }, arguments);

        Assert.Equal(2, process.ExitCode);
        var line = Assert.Single(process.Output, l => l.Contains("configuration error", StringComparison.Ordinal));
        Assert.StartsWith("Mercato cannot start: configuration error: ", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.Contains(key, line, StringComparison.Ordinal);
        Assert.DoesNotContain(process.Output, l => l.Contains("   at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal));
        Assert.False(Directory.Exists(workDir.Combine("data")));
    }
}
