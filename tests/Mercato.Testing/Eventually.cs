namespace Mercato.Testing;

/// <summary>Waiting for what happens a little later (events, webhooks, queued messages).</summary>
public static class Eventually
{
    /// <summary>
    /// Waits until <paramref name="condition"/> holds, calling <paramref name="poke"/> between polls
    /// (e.g. to move a test's fake clock); throws <see cref="TimeoutException"/> after <see cref="EventDelivery.Patience"/>.
    /// </summary>
    public static async Task HoldsAsync(Func<Task<bool>> condition, string what, Action? poke = null, int pollMilliseconds = 50)
    {
        var deadline = DateTime.UtcNow + EventDelivery.Patience;
        while (!await condition())
        {
            if (DateTime.UtcNow > deadline)
            {
                throw new TimeoutException($"Timed out waiting for {what}");
            }

            poke?.Invoke();
            await Task.Delay(pollMilliseconds);
        }
    }
}
