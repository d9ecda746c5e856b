using Mercato.Platform.Correlation;
using Mercato.Platform.Hosting;
using Mercato.Testing;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Time.Testing;

namespace Mercato.Platform.Tests.Hosting;

/// <summary>
/// <see cref="PeriodicJob"/>: rounds at each tick of its clock, a first round at start when the
/// job asks for it, and a round at once on <c>RunSoon</c>, with requests made during a round
/// coalescing into one more.
/// </summary>
public sealed class PeriodicJobTests
{
    private static readonly TimeSpan Hour = TimeSpan.FromHours(1);

    [Fact]
    public async Task A_job_runs_at_each_tick_of_its_clock_and_not_before()
    {
        var clock = new FakeTimeProvider();
        using var job = new CountingJob(clock, runsAtStart: false);
        await job.StartAsync(TestContext.Current.CancellationToken);

        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.Equal(0, job.Rounds);
        clock.Advance(Hour);
        await Eventually.HoldsAsync(() => Task.FromResult(job.Rounds == 1), "one round after one interval");

        await job.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task A_job_that_runs_at_start_has_its_first_round_without_the_clock_moving()
    {
        var clock = new FakeTimeProvider();
        using var job = new CountingJob(clock, runsAtStart: true);
        await job.StartAsync(TestContext.Current.CancellationToken);

        await RoundsSettleAtAsync(job, 1, "the round at start", quietMilliseconds: 200);

        await job.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task RunSoon_starts_a_round_at_once_and_requests_during_a_round_make_one_more()
    {
        var clock = new FakeTimeProvider();
        using var job = new CountingJob(clock, runsAtStart: false);
        await job.StartAsync(TestContext.Current.CancellationToken);

        job.Wake();
        await Eventually.HoldsAsync(() => Task.FromResult(job.Rounds == 1), "a round on request, the clock standing still");

        job.Hold();
        job.Wake();
        await Eventually.HoldsAsync(() => Task.FromResult(job.Started == 2), "the second round to start");
        job.Wake();
        job.Wake();
        job.Wake();
        job.Release();
        await RoundsSettleAtAsync(job, 3, "one more round for the requests made during the second", quietMilliseconds: 200);

        await job.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task With_a_minimum_gap_requests_soon_after_a_round_wait_for_the_gap_and_share_one_round()
    {
        var clock = new FakeTimeProvider();
        using var job = new CountingJob(clock, runsAtStart: false, gap: TimeSpan.FromMilliseconds(500));
        await job.StartAsync(TestContext.Current.CancellationToken);

        job.Wake();
        await Eventually.HoldsAsync(() => Task.FromResult(job.Rounds == 1), "the first requested round, at once");
        for (var i = 0; i < 20; i++)
        {
            job.Wake();
        }

        // The gap counts from the first round's start: the second cannot have begun yet, however
        // fast or slow the machine (a slow one only starts it later).
        await Task.Delay(100, TestContext.Current.CancellationToken);
        Assert.Equal(1, job.Started);
        await RoundsSettleAtAsync(job, 2, "one round for the twenty requests after the gap", quietMilliseconds: 700);

        await job.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Moving_the_clock_by_days_runs_a_few_rounds_on_the_pool_not_one_per_interval_on_the_clocks_thread()
    {
        var clock = new FakeTimeProvider();
        using var job = new CountingJob(clock, runsAtStart: false, interval: TimeSpan.FromMilliseconds(250));
        await job.StartAsync(TestContext.Current.CancellationToken);
        await Task.Delay(100, TestContext.Current.CancellationToken);

        // 3 days are 1,036,800 intervals: the ticks that pass while a round runs coalesce.
        clock.Advance(TimeSpan.FromDays(3));
        await Eventually.HoldsAsync(() => Task.FromResult(job.Rounds >= 1), "a round after the clock moved");
        await Task.Delay(200, TestContext.Current.CancellationToken);
        Assert.InRange(job.Rounds, 1, 10);

        await job.StopAsync(TestContext.Current.CancellationToken);
    }

    [Fact]
    public async Task Each_round_runs_under_a_correlation_id_of_its_own()
    {
        var clock = new FakeTimeProvider();
        using var job = new CountingJob(clock, runsAtStart: true);
        await job.StartAsync(TestContext.Current.CancellationToken);
        await Eventually.HoldsAsync(() => Task.FromResult(job.Rounds == 1), "the round at start");
        job.Wake();
        await Eventually.HoldsAsync(() => Task.FromResult(job.Rounds == 2), "a second round");
        await job.StopAsync(TestContext.Current.CancellationToken);

        var ids = job.Correlations.ToArray();
        Assert.Equal(2, ids.Length);
        Assert.All(ids, id => Assert.True(CorrelationContext.IsValid(id), id));
        Assert.NotEqual(ids[0], ids[1]);
        Assert.Null(CorrelationContext.CurrentId);
    }

    /// <summary>Waits for the job's rounds to reach <paramref name="rounds"/>, then checks that no more follow in a quiet spell.</summary>
    private static async Task RoundsSettleAtAsync(CountingJob job, int rounds, string what, int quietMilliseconds)
    {
        await Eventually.HoldsAsync(() => Task.FromResult(job.Rounds == rounds), what);
        await Task.Delay(quietMilliseconds, TestContext.Current.CancellationToken);
        Assert.Equal(rounds, job.Rounds);
    }

    private sealed class CountingJob(TimeProvider time, bool runsAtStart, TimeSpan gap = default, TimeSpan? interval = null) : PeriodicJob(time, NullLogger.Instance)
    {
        private TaskCompletionSource _gate = Completed();
        private int _started;

        public int Started => Volatile.Read(ref _started);

        protected override TimeSpan Interval => interval ?? Hour;

        protected override string Name => "Counting job";

        protected override bool RunsAtStart => runsAtStart;

        protected override TimeSpan MinimumGap => gap;

        public void Wake() => RunSoon();

        public void Hold() => _gate = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);

        public void Release() => _gate.TrySetResult();

        public System.Collections.Concurrent.ConcurrentQueue<string?> Correlations { get; } = new();

        protected override async Task RunOnceAsync(CancellationToken cancellationToken)
        {
            Correlations.Enqueue(CorrelationContext.CurrentId);
            Interlocked.Increment(ref _started);
            await _gate.Task.WaitAsync(cancellationToken);
        }

        private static TaskCompletionSource Completed()
        {
            var done = new TaskCompletionSource();
            done.SetResult();
            return done;
        }
    }
}
