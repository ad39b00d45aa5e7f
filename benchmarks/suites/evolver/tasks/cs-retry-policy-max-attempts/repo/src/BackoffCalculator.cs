namespace RetryKit;

/// <summary>Computes the wait after a failed attempt.</summary>
internal sealed class BackoffCalculator(RetryOptions options, Random random)
{
    /// <summary>The wait after attempt number <paramref name="failedAttempt"/> (1-based) failed.</summary>
    public TimeSpan DelayAfter(int failedAttempt)
    {
        var millis = options.BaseDelay.TotalMilliseconds * Math.Pow(options.BackoffMultiplier, failedAttempt - 1);

        // Capping in double first keeps large attempt numbers from overflowing TimeSpan.
        millis = Math.Min(millis, options.MaxDelay.TotalMilliseconds);
        if (options.Jitter)
        {
            millis = random.NextDouble() * millis;
        }

        return TimeSpan.FromMilliseconds(millis);
    }
}
