using System.Diagnostics;
using System.Net;
using System.Text;

namespace Mercato.LoadDriver;

/// <summary>Runs a closed loop: each worker sends the next request as soon as the previous one answered.</summary>
internal sealed class LoadRun(LoadOptions options)
{
    private long _counter;

    public async Task<LoadResult> RunAsync()
    {
        using var handler = new SocketsHttpHandler { MaxConnectionsPerServer = options.Concurrency, PooledConnectionLifetime = TimeSpan.FromMinutes(10) };
        using var client = new HttpClient(handler) { Timeout = TimeSpan.FromSeconds(30) };

        if (options.Warmup > TimeSpan.Zero)
        {
            await RunPhaseAsync(client, options.Warmup);
        }

        var memoryBefore = ServerMemory.Read(options.ServerPid);
        var phase = await RunPhaseAsync(client, options.Duration);
        var memoryAfter = ServerMemory.Read(options.ServerPid);
        return phase with { ServerMemoryBefore = memoryBefore, ServerMemoryAfter = memoryAfter };
    }

    private async Task<LoadResult> RunPhaseAsync(HttpClient client, TimeSpan duration)
    {
        var latencies = new List<double>[options.Concurrency];
        var statuses = new Dictionary<int, long>[options.Concurrency];
        var failures = new long[options.Concurrency];
        var stopwatch = Stopwatch.StartNew();
        var workers = Enumerable.Range(0, options.Concurrency).Select(async w =>
        {
            latencies[w] = new List<double>(4096);
            statuses[w] = [];
            while (stopwatch.Elapsed < duration)
            {
                var started = Stopwatch.GetTimestamp();
                try
                {
                    using var request = CreateRequest();
                    using var response = await client.SendAsync(request, HttpCompletionOption.ResponseContentRead);
                    latencies[w].Add(Stopwatch.GetElapsedTime(started).TotalMilliseconds);
                    var code = (int)response.StatusCode;
                    statuses[w][code] = statuses[w].GetValueOrDefault(code) + 1;
                }
                catch (HttpRequestException)
                {
                    failures[w]++;
                }
                catch (TaskCanceledException)
                {
                    failures[w]++;
                }
            }
        }).ToArray();
        await Task.WhenAll(workers);
        var elapsed = stopwatch.Elapsed;

        var all = latencies.SelectMany(l => l).Order().ToArray();
        var byStatus = statuses.SelectMany(s => s).GroupBy(kv => kv.Key).ToDictionary(g => g.Key, g => g.Sum(kv => kv.Value));
        return new LoadResult(all.Length, failures.Sum(), elapsed, all, byStatus, null, null);
    }

    private HttpRequestMessage CreateRequest()
    {
        var request = new HttpRequestMessage(options.Method, options.Url) { Version = HttpVersion.Version11 };
        foreach (var (name, value) in options.Headers)
        {
            request.Headers.TryAddWithoutValidation(name, value);
        }

        if (options.Body is not null)
        {
            var n = Interlocked.Increment(ref _counter).ToString(System.Globalization.CultureInfo.InvariantCulture);
            request.Content = new StringContent(options.Body.Replace("{n}", n, StringComparison.Ordinal), Encoding.UTF8, "application/json");
        }

        return request;
    }
}
