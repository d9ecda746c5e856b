using System.Collections.Concurrent;
using System.Diagnostics;

namespace Mercato.Testing;

/// <summary>
/// A Mercato executable running as its own process on a loopback port, for tests that need
/// several processes, a kill, or a real SIGTERM. Configuration goes in as environment variables.
/// </summary>
public sealed class MercatoProcess : IAsyncDisposable
{
    private readonly Process _process;
    private readonly ConcurrentQueue<string> _output = new();

    private MercatoProcess(Process process, string url, string workingDirectory)
    {
        _process = process;
        Url = url;
        WorkingDirectory = workingDirectory;
        // No trace propagation from the test process: when an in-memory host in the same test
        // process has registered an HttpClient trace listener, the handler would add its own
        // traceparent next to the one a test sends, and the server would see neither.
        Client = new HttpClient(new SocketsHttpHandler { ActivityHeadersPropagator = null })
        {
            BaseAddress = new Uri(url),
            Timeout = TimeSpan.FromSeconds(60),
        };
    }

    /// <summary>The base URL.</summary>
    public string Url { get; }

    /// <summary>The process's working directory (its <c>./data</c> lives here unless configured).</summary>
    public string WorkingDirectory { get; }

    /// <summary>A client for the process.</summary>
    public HttpClient Client { get; }

    /// <summary>Every line the process wrote to stdout and stderr so far.</summary>
    public IReadOnlyCollection<string> Output => _output;

    /// <summary>Whether the process has exited.</summary>
    public bool HasExited => _process.HasExited;

    /// <summary>The exit code, once exited.</summary>
    public int ExitCode => _process.ExitCode;

    /// <summary>The process id.</summary>
    public int Id => _process.Id;

    /// <summary>
    /// How long a start may take before a test gives up: generous, because a healthy server answers
    /// at once while a CI machine running two suites side by side (load averages of 25 to 80 on
    /// two cores) has taken more than a minute to start one; waits end as soon as it answers.
    /// </summary>
    public static readonly TimeSpan StartupPatience = TimeSpan.FromMinutes(3);

    /// <summary>
    /// Starts <paramref name="dll"/> with <paramref name="settings"/> (configuration keys such as
    /// <c>Persistence:Provider</c>) and waits until <c>/health/live</c> answers. The server starts
    /// without the demo catalog unless <paramref name="settings"/> turn it on
    /// (<c>Catalog:DemoData:Enabled</c>): seeding and indexing its 200 products cost a start about
    /// 1.8 of its 7.4 CPU-s (measured, ReadyToRun), and most tests never look at them.
    /// </summary>
    public static async Task<MercatoProcess> StartAsync(
        string dll,
        IDictionary<string, string?> settings,
        string? workingDirectory = null,
        IEnumerable<string>? arguments = null,
        int? port = null,
        bool waitUntilLive = true)
    {
        var listenPort = port ?? FreePort.Next();
        var url = $"http://127.0.0.1:{listenPort}";
        workingDirectory ??= Directory.CreateTempSubdirectory("mercato-proc-").FullName;
        var info = new ProcessStartInfo("dotnet")
        {
            WorkingDirectory = workingDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(dll);
        foreach (var argument in arguments ?? [])
        {
            info.ArgumentList.Add(argument);
        }

        info.ArgumentList.Add("--urls");
        info.ArgumentList.Add(url);
        info.Environment["ASPNETCORE_ENVIRONMENT"] = "Production";
        info.Environment["DOTNET_NOLOGO"] = "1";
        info.Environment["Catalog__DemoData__Enabled"] = "false";
        foreach (var (key, value) in settings)
        {
            info.Environment[key.Replace(":", "__", StringComparison.Ordinal)] = value;
        }

        var process = new Process { StartInfo = info, EnableRaisingEvents = true };
        var started = new MercatoProcess(process, url, workingDirectory);
        process.OutputDataReceived += (_, e) => { if (e.Data is not null) started._output.Enqueue(e.Data); };
        process.ErrorDataReceived += (_, e) => { if (e.Data is not null) started._output.Enqueue(e.Data); };
        process.Start();
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        if (waitUntilLive)
        {
            await started.WaitUntilLiveAsync(StartupPatience);
        }

        return started;
    }

    /// <summary>Polls <c>/health/live</c> until it answers 200.</summary>
    public async Task WaitUntilLiveAsync(TimeSpan timeout)
    {
        using var probe = new HttpClient { BaseAddress = new Uri(Url), Timeout = TimeSpan.FromSeconds(2) };
        var deadline = DateTime.UtcNow + timeout;
        while (DateTime.UtcNow < deadline)
        {
            if (_process.HasExited)
            {
                throw new InvalidOperationException($"Process exited with {_process.ExitCode}:\n{string.Join('\n', _output)}");
            }

            try
            {
                using var response = await probe.GetAsync(new Uri("/health/live", UriKind.Relative));
                if (response.IsSuccessStatusCode)
                {
                    return;
                }
            }
            catch (HttpRequestException)
            {
            }
            catch (TaskCanceledException)
            {
            }

            await Task.Delay(100);
        }

        throw new TimeoutException($"{Url} did not become live:\n{string.Join('\n', _output)}");
    }

    /// <summary>Polls <c>/health/ready</c> until it answers 200 (databases, broker and Redis reachable).</summary>
    public Task WaitUntilReadyAsync(TimeSpan timeout) =>
        EventuallyAsync(
            async () =>
            {
                using var response = await Client.GetAsync(new Uri("/health/ready", UriKind.Relative));
                return response.StatusCode;
            },
            status => status == System.Net.HttpStatusCode.OK,
            timeout);

    /// <summary>Sends SIGTERM (what Ctrl+C and orchestrators send) and waits for exit.</summary>
    public async Task<int> TerminateAsync(TimeSpan timeout)
    {
        if (!_process.HasExited)
        {
            using var kill = Process.Start("kill", ["-TERM", _process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)]);
            await kill.WaitForExitAsync();
        }

        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>
    /// Waits for a process that ends by itself (a command such as <c>migrate</c>, or a refused
    /// start) and returns its exit code, with all its output read.
    /// </summary>
    public async Task<int> WaitForExitAsync(TimeSpan timeout)
    {
        using var cts = new CancellationTokenSource(timeout);
        await _process.WaitForExitAsync(cts.Token);
        return _process.ExitCode;
    }

    /// <summary>Kills the process abruptly (SIGKILL), as a crash would.</summary>
    public async Task KillAsync()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
        }

        await _process.WaitForExitAsync();
    }

    /// <summary>
    /// Stops the process gracefully (SIGTERM, up to <paramref name="patience"/>), kills it by its pid
    /// if it hangs, and releases it: how a fixture ends the processes it started.
    /// </summary>
    public async Task StopAsync(TimeSpan patience)
    {
        try
        {
            if (!HasExited)
            {
                await TerminateAsync(patience);
            }
        }
        catch (OperationCanceledException)
        {
            // Did not stop in time: DisposeAsync kills it by its pid.
        }

        await DisposeAsync();
    }

    /// <summary>Waits until <paramref name="condition"/> holds, polling.</summary>
    public static async Task<T> EventuallyAsync<T>(Func<Task<T>> probe, Func<T, bool> condition, TimeSpan timeout)
    {
        var deadline = DateTime.UtcNow + timeout;
        var last = await probe();
        while (!condition(last))
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Condition not met within {timeout}; last value: {last}");
            }

            await Task.Delay(100);
            last = await probe();
        }

        return last;
    }

    /// <inheritdoc />
    public async ValueTask DisposeAsync()
    {
        Client.Dispose();
        if (!_process.HasExited)
        {
            await KillAsync();
        }

        _process.Dispose();
    }
}
