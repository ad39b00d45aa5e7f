namespace Evolver.Core;

/// <summary>
/// Awaits with a deadline: the work's token is cancelled at the deadline, and the wait itself ends shortly after even
/// if the work ignores its token, so no step of the loop can hang the run.
/// </summary>
internal static class Bounded
{
    /// <summary>How long past the deadline the wait lasts for work that is stopping on cancellation.</summary>
    private static readonly TimeSpan Slack = TimeSpan.FromSeconds(30);

    /// <summary>Runs <paramref name="work"/>; throws <see cref="TimeoutException"/> when it outlives <paramref name="timeout"/>.</summary>
    public static async Task<T> RunAsync<T>(Func<CancellationToken, Task<T>> work, TimeSpan timeout, TimeProvider time, CancellationToken cancellationToken)
    {
        using var deadline = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken, deadline.Token);
        try
        {
            return await work(linked.Token).WaitAsync(timeout + Slack, time, cancellationToken).ConfigureAwait(false);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            throw new TimeoutException($"did not finish within {Describe(timeout)}");
        }
        catch (TimeoutException)
        {
            throw new TimeoutException($"did not finish within {Describe(timeout)}, and did not stop when asked to");
        }
    }

    /// <summary>A duration for messages: <c>90 s</c>, <c>12.5 min</c>.</summary>
    public static string Describe(TimeSpan span) => span.TotalSeconds < 120
        ? string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span.TotalSeconds:0.#} s")
        : string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{span.TotalMinutes:0.#} min");
}
