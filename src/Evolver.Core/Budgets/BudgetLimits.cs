namespace Evolver.Core;

/// <summary>The limits of one budget scope (the run, each child, or each task run); null means unlimited.</summary>
public sealed record BudgetLimits
{
    /// <summary>Children started (iterations). Run scope only.</summary>
    public int? Iterations { get; init; }

    /// <summary>Wall-clock time, counted while the run is running (not while it is killed and waiting for resume).</summary>
    public TimeSpan? WallClock { get; init; }

    /// <summary>Task runs (one agent run and its scoring on one task). Run and child scopes only.</summary>
    public int? TaskRuns { get; init; }

    /// <summary>LLM tokens, input and output.</summary>
    public long? LlmTokens { get; init; }

    /// <summary>Money, in US dollars.</summary>
    public double? Dollars { get; init; }

    /// <summary>No limit at all.</summary>
    public static BudgetLimits None { get; } = new();
}
