namespace Evolver.Cli;

/// <summary>Reports progress synchronously on the reporting thread, one report at a time.</summary>
/// <remarks><see cref="Progress{T}"/> posts to the thread pool, so its reports can arrive out of order or after the work ended.</remarks>
internal sealed class CallbackProgress<T>(Action<T> onReport) : IProgress<T>
{
    private readonly Lock gate = new();

    /// <inheritdoc />
    public void Report(T value)
    {
        lock (gate)
        {
            onReport(value);
        }
    }
}
