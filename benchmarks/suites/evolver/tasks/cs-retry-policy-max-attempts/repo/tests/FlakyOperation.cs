namespace RetryKit.Tests;

/// <summary>Fails a given number of times with the given exception, then returns its call count.</summary>
internal sealed class FlakyOperation(int failures, Func<Exception>? error = null)
{
    public int Calls { get; private set; }

    public Task<int> RunAsync(CancellationToken cancellationToken)
    {
        Calls++;
        if (Calls <= failures)
        {
            throw error?.Invoke() ?? new TimeoutException($"call {Calls} timed out");
        }

        return Task.FromResult(Calls);
    }
}
