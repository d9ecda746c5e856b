using System.Globalization;
using System.Text;

namespace Mercato.LoadDriver;

/// <summary>What a run measured.</summary>
internal sealed record LoadResult(
    long Completed,
    long Failures,
    TimeSpan Elapsed,
    double[] SortedLatenciesMs,
    IReadOnlyDictionary<int, long> Statuses,
    ServerMemory? ServerMemoryBefore,
    ServerMemory? ServerMemoryAfter)
{
    public string Format(LoadOptions options)
    {
        var text = new StringBuilder();
        var inv = CultureInfo.InvariantCulture;
        text.AppendLine(inv, $"target      {options.Method} {options.Url}  concurrency {options.Concurrency}, {options.Duration.TotalSeconds:0}s after {options.Warmup.TotalSeconds:0}s warm-up");
        text.AppendLine(inv, $"machine     {Environment.ProcessorCount} cores, {Environment.OSVersion}, .NET {Environment.Version}");
        text.AppendLine(inv, $"requests    {Completed} ok-or-error responses, {Failures} transport failures");
        text.AppendLine(inv, $"throughput  {Completed / Elapsed.TotalSeconds:0.0} req/s");
        text.AppendLine(inv, $"latency ms  p50 {Percentile(0.50):0.00}  p90 {Percentile(0.90):0.00}  p99 {Percentile(0.99):0.00}  max {(SortedLatenciesMs.Length > 0 ? SortedLatenciesMs[^1] : 0):0.00}");
        text.AppendLine(inv, $"statuses    {string.Join(", ", Statuses.OrderBy(s => s.Key).Select(s => $"{s.Key}: {s.Value}"))}");
        if (ServerMemoryBefore is { } before && ServerMemoryAfter is { } after)
        {
            text.AppendLine(inv, $"server RSS  {before.RssMb:0.0} MB before, {after.RssMb:0.0} MB after (peak {after.PeakRssMb:0.0} MB)");
        }

        return text.ToString();
    }

    private double Percentile(double p) =>
        SortedLatenciesMs.Length == 0 ? 0 : SortedLatenciesMs[Math.Min(SortedLatenciesMs.Length - 1, (int)(p * SortedLatenciesMs.Length))];
}
