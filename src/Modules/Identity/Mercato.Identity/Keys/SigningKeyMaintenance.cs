using Mercato.Platform.Hosting;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Mercato.Identity.Keys;

/// <summary>
/// Every <see cref="SigningKeyOptions.CheckInterval"/>: re-reads generated keys (another replica
/// may have rotated them) and rotates when the current key is due.
/// </summary>
internal sealed class SigningKeyMaintenance(
    KeyRing keys, IOptions<IdentitySettings> settings, TimeProvider time, ILogger<SigningKeyMaintenance> logger) : PeriodicJob(time, logger)
{
    /// <inheritdoc />
    protected override TimeSpan Interval => settings.Value.SigningKeys.CheckInterval;

    /// <inheritdoc />
    protected override string Name => "Signing key maintenance";

    /// <inheritdoc />
    protected override bool Enabled => !keys.FromConfiguration;

    /// <inheritdoc />
    protected override async Task RunOnceAsync(CancellationToken cancellationToken)
    {
        await keys.RefreshAsync(cancellationToken);
        await keys.RotateIfDueAsync(cancellationToken);
    }
}
