namespace Evolver.Core;

/// <summary>A run at one moment, for the live progress view.</summary>
public sealed record RunSnapshot
{
    /// <summary>Where the run stands.</summary>
    public required RunStatus Status { get; init; }

    /// <summary>Children planned so far.</summary>
    public required long Iterations { get; init; }

    /// <summary>Jobs finished and archived, seeds included.</summary>
    public required int Finished { get; init; }

    /// <summary>The best admitted variant so far, or null.</summary>
    public RunHistoryEntry? Best { get; init; }

    /// <summary>The best seed score, or null before a seed is evaluated.</summary>
    public double? SeedScore { get; init; }

    /// <summary>Jobs in progress.</summary>
    public required IReadOnlyList<RunningChild> Running { get; init; }

    /// <summary>What the run has used.</summary>
    public required BudgetUsage Usage { get; init; }

    /// <summary>The run's budgets, to show usage against.</summary>
    public required BudgetOptions Budgets { get; init; }

    /// <summary>Estimated time to the nearest budget's end, or null when no budget bounds the run.</summary>
    public TimeSpan? Eta { get; init; }
}
