/// <summary>The agent's own view of its deadline: it stops starting work early enough to clean up and report.</summary>
internal sealed class SearchBudget(DateTimeOffset deadline, TimeProvider time)
{
    /// <summary>Kept free before the deadline for restoring files and writing the report.</summary>
    private static readonly TimeSpan Reserve = TimeSpan.FromSeconds(8);

    /// <summary>Time left for work.</summary>
    public TimeSpan Remaining => deadline - Reserve - time.GetUtcNow();

    /// <summary>True when a step expected to take <paramref name="expected"/> still fits.</summary>
    public bool Fits(TimeSpan expected) => Remaining > expected;

    /// <summary><paramref name="wanted"/>, cut to the time left (at least one second).</summary>
    public TimeSpan Cap(TimeSpan wanted) => TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, Math.Min(wanted.Ticks, Remaining.Ticks)));
}
