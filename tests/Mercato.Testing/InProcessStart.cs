using System.Globalization;
using Mercato.Platform.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace Mercato.Testing;

/// <summary>What a refused start left behind: its exit code, what it wrote to standard error, and its logs.</summary>
/// <param name="ExitCode">The entry point's exit code.</param>
/// <param name="Errors">The lines written to standard error.</param>
/// <param name="Logs">Everything the host logged while it tried to start.</param>
public sealed record InProcessStart(int ExitCode, IReadOnlyList<string> Errors, IReadOnlyList<CapturedLog> Logs)
{
    /// <summary>Whether any line or log entry shows a stack trace or an exception's type name.</summary>
    public bool ShowsAStackTrace =>
        Errors.Any(l => l.Contains("   at ", StringComparison.Ordinal) || l.Contains("Exception", StringComparison.Ordinal))
        || Logs.Any(e => e.Message.Contains("   at ", StringComparison.Ordinal));

    /// <summary>
    /// Runs the executables' entry point, <see cref="MercatoHost.RunAsync"/> (what <c>Program.cs</c>
    /// calls), inside the test process with <paramref name="settings"/> for a start that must be
    /// refused: the same configuration sources, validation and exit codes as the process, without
    /// the cost of starting a runtime per case (a few real processes per suite prove the process
    /// boundary). Settings go in on the command line, <paramref name="arguments"/> after them (so
    /// they win, as the command line wins over the environment for a process); the data folder is
    /// <paramref name="dataDirectory"/>, and a start that is not refused is stopped after
    /// <paramref name="patience"/> and fails the test. <paramref name="applicationName"/> is the
    /// executable's assembly name where a module needs it (the storefront finds its static files'
    /// manifest by it; the executable's manifest is in a referencing test project's output).
    /// </summary>
    public static async Task<InProcessStart> RunAsync(
        IReadOnlyList<MercatoModule> known,
        Action<IHostApplicationBuilder, HostedModules>? everyProcess,
        IDictionary<string, string?> settings,
        IEnumerable<string> arguments,
        string dataDirectory,
        TimeSpan patience,
        string? applicationName = null)
    {
        var args = new List<string>
        {
            "--environment", "Production",
            "--urls", "http://127.0.0.1:" + FreePort.Next().ToString(CultureInfo.InvariantCulture),
            "--Persistence:DataDirectory=" + dataDirectory,
        };
        if (applicationName is not null)
        {
            args.AddRange(["--applicationName", applicationName]);
        }

        args.AddRange(settings.Select(s => $"--{s.Key}={s.Value}"));
        args.AddRange(arguments);
        using var logs = new CapturedLogs();
        using var errors = new StringWriter(CultureInfo.InvariantCulture);
        var started = new TaskCompletionSource<IHostApplicationLifetime>(TaskCreationOptions.RunContinuationsAsynchronously);
        var run = MercatoHost.RunAsync(
            [.. args],
            known,
            (builder, modules) =>
            {
                everyProcess?.Invoke(builder, modules);
                builder.Logging.ClearProviders();
                builder.Logging.SetMinimumLevel(LogLevel.Debug);
                builder.Logging.AddProvider(logs);
                builder.Services.AddHostedService(sp => new LifetimeProbe(sp.GetRequiredService<IHostApplicationLifetime>(), started));
            },
            errors);
        var finished = await Task.WhenAny(run, Task.Delay(patience));
        if (finished != run)
        {
            // It started after all: stop it, so that the failing test leaves nothing running.
            if (started.Task.IsCompleted)
            {
                (await started.Task).StopApplication();
                await Task.WhenAny(run, Task.Delay(TimeSpan.FromSeconds(30)));
            }

            throw new TimeoutException($"The start was not refused within {patience}:\n{errors}\n{string.Join('\n', logs.Entries)}");
        }

        var lines = errors.ToString().Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries);
        return new InProcessStart(await run, lines, logs.Entries);
    }

    /// <summary>Hands the host's lifetime to the test once the hosted services start.</summary>
    private sealed class LifetimeProbe(IHostApplicationLifetime lifetime, TaskCompletionSource<IHostApplicationLifetime> started) : IHostedService
    {
        public Task StartAsync(CancellationToken cancellationToken)
        {
            started.TrySetResult(lifetime);
            return Task.CompletedTask;
        }

        public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;
    }
}
