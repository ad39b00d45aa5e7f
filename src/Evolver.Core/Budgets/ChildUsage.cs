namespace Evolver.Core;

/// <summary>What one running child has used; part of <see cref="BudgetState"/>.</summary>
internal sealed class ChildUsage
{
    /// <summary>The run's elapsed time when the child started.</summary>
    public TimeSpan StartedAt { get; set; }

    public int TaskRuns { get; set; }

    public long LlmTokens { get; set; }

    public double Dollars { get; set; }

    /// <summary>Task runs started and not finished, by task id.</summary>
    public Dictionary<string, TaskUsage> Tasks { get; set; } = new(StringComparer.Ordinal);
}
