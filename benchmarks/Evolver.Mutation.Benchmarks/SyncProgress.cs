namespace Evolver.Mutation.Benchmarks;

/// <summary>Reports on the caller's thread, one report at a time, so lines print in completion order.</summary>
internal sealed class SyncProgress<T>(Action<T> handler) : IProgress<T>
{
    private readonly object gate = new();

    public void Report(T value)
    {
        lock (gate)
        {
            handler(value);
        }
    }
}
