namespace Evolver.Sandbox;

/// <summary>
/// Splits a phase's wall time into named steps: each <see cref="Lap"/> charges the time since the previous lap (or
/// the start) to one step, so the steps add up to the phase.
/// </summary>
internal sealed class StepTimer(TimeProvider time, long start)
{
    private readonly OrderedDictionary<string, TimeSpan> steps = new(StringComparer.Ordinal);
    private readonly long origin = start;
    private long mark = start;

    /// <summary>Charges the time since the last lap to <paramref name="step"/> (added up when a step repeats).</summary>
    public void Lap(string step)
    {
        var now = time.GetTimestamp();
        steps[step] = steps.GetValueOrDefault(step) + time.GetElapsedTime(mark, now);
        mark = now;
    }

    /// <summary>Wall time since the start.</summary>
    public TimeSpan Elapsed => time.GetElapsedTime(origin);

    /// <summary>The steps so far, in the order they first ran.</summary>
    public IReadOnlyDictionary<string, TimeSpan> Steps => new OrderedDictionary<string, TimeSpan>(steps, StringComparer.Ordinal);
}
