namespace Mercato.Messaging.InProcess;

/// <summary>
/// Wakes every waiting consumer-queue worker at once (unlike a semaphore, no waiter takes the
/// signal from another). A waiter takes <see cref="Next"/> before it looks for work, so a
/// notification that arrives while it looks is not lost.
/// </summary>
public sealed class ConsumerQueueSignal
{
    private TaskCompletionSource _next = new(TaskCreationOptions.RunContinuationsAsynchronously);

    /// <summary>Completes at the next <see cref="Notify"/>.</summary>
    public Task Next => Volatile.Read(ref _next).Task;

    /// <summary>Wakes everyone waiting on <see cref="Next"/>.</summary>
    public void Notify() =>
        Interlocked.Exchange(ref _next, new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously)).TrySetResult();
}
