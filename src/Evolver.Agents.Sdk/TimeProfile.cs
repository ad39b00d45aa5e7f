namespace Evolver.Agents.Sdk;

/// <summary>
/// Collects an agent's <see cref="TimeProfileEntry"/> figures while it works. Thread-safe. An agent that exposes one as
/// <see cref="IAgent.Profile"/> gets it written into its report by <see cref="AgentHost"/>, even when it is stopped at
/// the deadline or fails.
/// </summary>
public sealed class TimeProfile
{
    private readonly Lock gate = new();
    private readonly List<string> order = [];
    private readonly Dictionary<string, TimeProfileEntry> entries = new(StringComparer.Ordinal);

    /// <summary>Records a use of the budget named <paramref name="name"/> (<c>Type.Member</c>).</summary>
    /// <param name="name">The constant that governs the budget, as <c>Type.Member</c>.</param>
    /// <param name="spent">Time spent under it.</param>
    /// <param name="expirations">How many times it expired during this use.</param>
    /// <param name="expiredTime">Of <paramref name="spent"/>, the part spent waiting for it to expire (capped at <paramref name="spent"/>).</param>
    /// <param name="uses">How many uses the figures sum up, when an agent measured several at once (a batch).</param>
    /// <exception cref="ArgumentException"><paramref name="name"/> is empty, or a count or time is negative.</exception>
    public void Add(string name, TimeSpan spent, int expirations = 0, TimeSpan expiredTime = default, int uses = 1)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(name);
        ArgumentOutOfRangeException.ThrowIfLessThan(spent, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(expirations);
        ArgumentOutOfRangeException.ThrowIfLessThan(expiredTime, TimeSpan.Zero);
        ArgumentOutOfRangeException.ThrowIfNegative(uses);
        var expired = Math.Min(expiredTime.TotalSeconds, spent.TotalSeconds);
        lock (gate)
        {
            if (!entries.TryGetValue(name, out var entry))
            {
                order.Add(name);
                entry = new TimeProfileEntry(name, 0, 0, 0, 0);
            }

            entries[name] = entry with
            {
                Seconds = entry.Seconds + spent.TotalSeconds,
                Uses = entry.Uses + uses,
                Expired = entry.Expired + expirations,
                ExpiredSeconds = entry.ExpiredSeconds + expired,
            };
        }
    }

    /// <summary>The figures so far, one entry per budget in the order first used; empty when nothing was recorded.</summary>
    public IReadOnlyList<TimeProfileEntry> Snapshot()
    {
        lock (gate)
        {
            return [.. order.Select(n => entries[n])];
        }
    }
}
