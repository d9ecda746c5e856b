using Mercato.Identity.Tests.Support;

namespace Mercato.Identity.Tests.Recovery;

/// <summary>
/// Unusable password-reset, one-time-code and recovery-limit settings stop the real server before
/// it serves anything: exit code 2 and one line that names the setting.
/// </summary>
public sealed class RecoveryConfigurationErrorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static TheoryData<string, string, string> Cases => new()
    {
        { "Identity:PasswordReset:TokenLifetime", "00:00:10", "Identity:PasswordReset:TokenLifetime must be at least a minute" },
        { "Identity:PasswordReset:MinimumAnswerTime", "00:00:06", "Identity:PasswordReset:MinimumAnswerTime must be between 00:00:00 and 00:00:05" },
        { "Identity:OneTimeCodes:MaxAttempts", "0", "Identity:OneTimeCodes:MaxAttempts" },
        { "Identity:AccountLimits:RequestsPerAddress:Limit", "0", "Identity:AccountLimits:RequestsPerAddress:Limit must be at least 1" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task An_unusable_recovery_setting_stops_the_server_with_exit_code_2_and_names_it(string key, string value, string expected)
    {
        await using var server = await OwnedProcess.StartIdentityAsync(new Dictionary<string, string?> { [key] = value }, waitUntilLive: false);

        var exitCode = await server.Process.WaitForExitAsync(Patience);

        var output = string.Join('\n', server.Process.Output);
        Assert.True(exitCode == 2, $"exit code {exitCode}:\n{output}");
        var line = Assert.Single(server.Process.Output, l => l.StartsWith("Mercato cannot start: ", StringComparison.Ordinal));
        Assert.Contains(expected, line, StringComparison.Ordinal);
    }
}
