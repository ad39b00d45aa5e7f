namespace RetryKit.Tests;

/// <summary>A wait function that records the delays instead of sleeping.</summary>
internal sealed class RecordingWait
{
    public List<TimeSpan> Delays { get; } = [];

    public Task WaitAsync(TimeSpan delay, CancellationToken cancellationToken)
    {
        Delays.Add(delay);
        return Task.CompletedTask;
    }
}
