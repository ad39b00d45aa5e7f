namespace RetryKit;

/// <summary>How often and how long <see cref="RetryPolicy"/> retries.</summary>
public sealed class RetryOptions
{
    /// <summary>Total number of attempts, the first one included. 1 means no retry.</summary>
    public int MaxAttempts { get; init; } = 3;

    /// <summary>Wait after the first failed attempt.</summary>
    public TimeSpan BaseDelay { get; init; } = TimeSpan.FromMilliseconds(100);

    /// <summary>Each further wait is the previous one times this factor.</summary>
    public double BackoffMultiplier { get; init; } = 2.0;

    /// <summary>Upper bound of any single wait.</summary>
    public TimeSpan MaxDelay { get; init; } = TimeSpan.FromSeconds(30);

    /// <summary>When true, each wait is a random duration between zero and the computed delay.</summary>
    public bool Jitter { get; init; }

    /// <summary>Decides whether a failure is transient; by default every exception is.</summary>
    public Func<Exception, bool> ShouldRetry { get; init; } = _ => true;

    internal void Validate()
    {
        if (MaxAttempts < 1)
        {
            throw new ArgumentOutOfRangeException(nameof(MaxAttempts), MaxAttempts, "At least one attempt is needed.");
        }

        if (BaseDelay < TimeSpan.Zero || MaxDelay < BaseDelay)
        {
            throw new ArgumentException("Delays must satisfy 0 <= BaseDelay <= MaxDelay.");
        }

        if (BackoffMultiplier < 1.0)
        {
            throw new ArgumentOutOfRangeException(nameof(BackoffMultiplier), BackoffMultiplier, "The multiplier must be at least 1.");
        }
    }
}
