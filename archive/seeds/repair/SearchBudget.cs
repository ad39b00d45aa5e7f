using Evolver.Agents.Sdk;

/// <summary>
/// The agent's own view of its deadline: it stops starting work early enough to clean up and report. It also carries
/// the run's time profile, so every step that waits under one of the agent's time knobs can say so.
/// </summary>
internal sealed class SearchBudget(DateTimeOffset deadline, TimeProvider time, TimeProfile profile)
{
    /// <summary>Kept free before the deadline for restoring files and writing the report.</summary>
    private static readonly TimeSpan Reserve = TimeSpan.FromSeconds(8);

    private bool stopped;

    /// <summary>Where the run's time went, by the constant that budgets it (reported to the harness).</summary>
    public TimeProfile Profile => profile;

    /// <summary>Time left for work.</summary>
    public TimeSpan Remaining => deadline - Reserve - time.GetUtcNow();

    /// <summary>True when a step expected to take <paramref name="expected"/> still fits.</summary>
    public bool Fits(TimeSpan expected) => Remaining > expected;

    /// <summary><paramref name="wanted"/>, cut to the time left (at least one second).</summary>
    public TimeSpan Cap(TimeSpan wanted) => TimeSpan.FromTicks(Math.Max(TimeSpan.TicksPerSecond, Math.Min(wanted.Ticks, Remaining.Ticks)));

    /// <summary>
    /// Records, the first time it is called, that the search stopped for lack of time: the reserve goes unused by the
    /// search, and <paramref name="knob"/> (<c>Type.Member</c>), the threshold that stopped it, what remained above it.
    /// </summary>
    public void RecordStop(string knob)
    {
        // The search stops once; a later check that finds the time gone again says nothing new.
        if (stopped)
        {
            return;
        }

        stopped = true;
        var left = Remaining > TimeSpan.Zero ? Remaining : TimeSpan.Zero;
        profile.Add(knob, left, 1, left);
        profile.Add($"{nameof(SearchBudget)}.{nameof(Reserve)}", Reserve, 1, Reserve);
    }
}
