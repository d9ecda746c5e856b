-- bench/run.sh's reporter for wrk: one machine-readable line per run, counted by wrk itself.
-- Latencies are in microseconds; "bad" counts answers that were not 2xx/3xx, "socket" every
-- connect, read, write and timeout error.
done = function(summary, latency, requests)
  local e = summary.errors
  io.write(string.format(
    "RESULT requests=%d seconds=%.3f rps=%.1f p50_us=%d p90_us=%d p99_us=%d max_us=%d bad=%d socket=%d\n",
    summary.requests, summary.duration / 1e6, summary.requests / (summary.duration / 1e6),
    latency:percentile(50), latency:percentile(90), latency:percentile(99), latency.max,
    e.status, e.connect + e.read + e.write + e.timeout))
end
