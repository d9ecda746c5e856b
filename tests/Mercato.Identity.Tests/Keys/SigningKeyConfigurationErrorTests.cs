using System.Security.Cryptography;
using Mercato.Identity.Tests.Support;
using Mercato.Testing;

namespace Mercato.Identity.Tests.Keys;

/// <summary>
/// Signing-key configuration an operator must fix stops the server before it serves anything: exit
/// code 2 and one line that names the setting and the problem, no stack trace. Every case runs
/// through the executable's entry point inside the test process (<see cref="InProcessStart"/>); a few
/// run as the real executable too.
/// </summary>
public sealed class SigningKeyConfigurationErrorTests
{
    private static readonly TimeSpan Patience = TimeSpan.FromSeconds(90);

    public static TheoryData<string, string> Cases => new()
    {
        { "garbage_pem", "Identity:SigningKeys:Keys:0 is not a usable signing key" },
        { "rsa_1024", "at least 2048 bits" },
        { "unsupported_algorithm", "'HS256' is not supported" },
        { "p384_as_es256", "P-256" },
        { "ec_public_key_only", "holds no private key" },
        { "rsa_public_key_only", "holds no private key" },
        { "missing_file", "Identity:SigningKeys:Keys:0 is not a usable signing key" },
        { "no_key_material", "neither PrivateKeyPem nor PrivateKeyFile" },
        { "only_key_retired", "no key that is active now" },
        { "duplicate_key_id", "the same key id twice" },
        { "generated_algorithm_unsupported", "Identity:SigningKeys:Algorithm is not usable: Signing algorithm 'ES512' is not supported" },
        { "check_interval_zero", "Identity:SigningKeys:CheckInterval must be between 1 second and 1 day" },
    };

    /// <summary>One case per kind of check, run as the real executable (the process boundary: exit code and output).</summary>
    public static TheoryData<string, string> CasesForTheProcess => new()
    {
        { "garbage_pem", "Identity:SigningKeys:Keys:0 is not a usable signing key" },
        { "only_key_retired", "no key that is active now" },
        { "check_interval_zero", "Identity:SigningKeys:CheckInterval must be between 1 second and 1 day" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Unusable_signing_key_configuration_stops_the_server_with_exit_code_2_and_says_why(string @case, string expected)
    {
        using var workDir = new TempDirectory();
        var settings = OwnedProcess.IdentitySettings(FreePort.Next());
        settings["RateLimiting:Enabled"] = "false";
        foreach (var (key, value) in Settings(@case))
        {
            settings[key] = value;
        }

        var start = await InProcessStart.RunAsync([IdentityModule.Descriptor], null, settings, [], workDir.Combine("data"), Patience);

        var output = string.Join('\n', start.Errors.Concat(start.Logs.Select(l => l.ToString())));
        Assert.True(start.ExitCode == 2, $"exit code {start.ExitCode}:\n{output}");
        var line = Assert.Single(start.Errors);
        Assert.StartsWith("Mercato cannot start: ", line, StringComparison.Ordinal);
        Assert.Contains("Identity:SigningKeys", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.False(start.ShowsAStackTrace, output);
    }

    [Theory]
    [MemberData(nameof(CasesForTheProcess))]
    public async Task Unusable_signing_key_configuration_stops_the_real_executable_with_exit_code_2_and_says_why(string @case, string expected)
    {
        await using var server = await OwnedProcess.StartIdentityAsync(Settings(@case), waitUntilLive: false);

        var exitCode = await server.Process.WaitForExitAsync(Patience);

        var output = string.Join('\n', server.Process.Output);
        Assert.True(exitCode == 2, $"exit code {exitCode}:\n{output}");
        var line = Assert.Single(server.Process.Output, l => l.StartsWith("Mercato cannot start: ", StringComparison.Ordinal));
        Assert.Contains("Identity:SigningKeys", line, StringComparison.Ordinal);
        Assert.Contains(expected, line, StringComparison.Ordinal);
        Assert.DoesNotContain(server.Process.Output, l => l.TrimStart().StartsWith("at ", StringComparison.Ordinal));
    }

    private static Dictionary<string, string?> Settings(string @case)
    {
        var now = DateTimeOffset.UtcNow;
        return @case switch
        {
            "garbage_pem" => ConfiguredKeys.Key(0, "ES256", "-----BEGIN PRIVATE KEY-----\nbm90IGEga2V5\n-----END PRIVATE KEY-----"),
            "rsa_1024" => ConfiguredKeys.Key(0, "RS256", ConfiguredKeys.NewRsaPem(1024)),
            "unsupported_algorithm" => ConfiguredKeys.Key(0, "HS256", ConfiguredKeys.NewEcPem()),
            "p384_as_es256" => ConfiguredKeys.Key(0, "ES256", P384Pem()),
            "ec_public_key_only" => ConfiguredKeys.Key(0, "ES256", EcPublicKeyPem()),
            "rsa_public_key_only" => ConfiguredKeys.Key(0, "RS256", RsaPublicKeyPem()),
            "missing_file" => new(ConfiguredKeys.Key(0, "ES256"), StringComparer.OrdinalIgnoreCase)
            {
                ["Identity:SigningKeys:Keys:0:PrivateKeyFile"] = Path.Combine(Path.GetTempPath(), $"missing-{Guid.NewGuid():N}.pem"),
            },
            "no_key_material" => ConfiguredKeys.Key(0, "ES256", keyId: "empty"),
            "only_key_retired" => ConfiguredKeys.Key(0, "ES256", ConfiguredKeys.NewEcPem(), retiresAt: now.AddDays(-1)),
            "duplicate_key_id" => new(
                ConfiguredKeys.Key(0, "ES256", ConfiguredKeys.NewEcPem(), "same")
                    .Concat(ConfiguredKeys.Key(1, "ES256", ConfiguredKeys.NewEcPem(), "same")),
                StringComparer.OrdinalIgnoreCase),
            "generated_algorithm_unsupported" => new() { ["Identity:SigningKeys:Algorithm"] = "ES512" },
            "check_interval_zero" => new() { ["Identity:SigningKeys:CheckInterval"] = "00:00:00" },
            _ => throw new ArgumentOutOfRangeException(nameof(@case), @case, "unknown case"),
        };
    }

    private static string P384Pem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        return key.ExportPkcs8PrivateKeyPem();
    }

    private static string EcPublicKeyPem()
    {
        using var key = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return key.ExportSubjectPublicKeyInfoPem();
    }

    private static string RsaPublicKeyPem()
    {
        using var key = RSA.Create(2048);
        return key.ExportSubjectPublicKeyInfoPem();
    }
}
