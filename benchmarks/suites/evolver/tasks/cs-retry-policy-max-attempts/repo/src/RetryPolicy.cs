namespace RetryKit;

/// <summary>Runs an operation and retries it on transient failures with exponential backoff.</summary>
public sealed class RetryPolicy
{
    private readonly RetryOptions options;
    private readonly Func<TimeSpan, CancellationToken, Task> wait;
    private readonly BackoffCalculator backoff;

    /// <summary>A policy that really waits between attempts.</summary>
    public RetryPolicy(RetryOptions options)
        : this(options, Task.Delay, Random.Shared)
    {
    }

    /// <summary>A policy with a custom wait function and random source (used by tests).</summary>
    public RetryPolicy(RetryOptions options, Func<TimeSpan, CancellationToken, Task> wait, Random random)
    {
        ArgumentNullException.ThrowIfNull(options);
        options.Validate();
        this.options = options;
        this.wait = wait;
        backoff = new BackoffCalculator(options, random);
    }

    /// <summary>Raised after a failed attempt, before waiting to retry.</summary>
    public event Action<RetryEvent>? OnRetry;

    /// <summary>Runs <paramref name="operation"/> until it succeeds, fails permanently, or runs out of attempts.</summary>
    public async Task<T> ExecuteAsync<T>(Func<CancellationToken, Task<T>> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        for (var attempt = 1; ; attempt++)
        {
            cancellationToken.ThrowIfCancellationRequested();
            try
            {
                return await operation(cancellationToken).ConfigureAwait(false);
            }
            catch (Exception e) when (e is not OperationCanceledException && options.ShouldRetry(e))
            {
                if (attempt > options.MaxAttempts)
                {
                    throw new RetryExhaustedException(attempt, e);
                }

                var delay = backoff.DelayAfter(attempt);
                OnRetry?.Invoke(new RetryEvent(attempt, e, delay));
                await wait(delay, cancellationToken).ConfigureAwait(false);
            }
        }
    }

    /// <summary>Runs an operation without a result; see <see cref="ExecuteAsync{T}"/>.</summary>
    public Task ExecuteAsync(Func<CancellationToken, Task> operation, CancellationToken cancellationToken = default)
    {
        ArgumentNullException.ThrowIfNull(operation);
        return ExecuteAsync(
            async ct =>
            {
                await operation(ct).ConfigureAwait(false);
                return true;
            },
            cancellationToken);
    }
}
