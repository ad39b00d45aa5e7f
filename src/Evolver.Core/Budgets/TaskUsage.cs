namespace Evolver.Core;

/// <summary>What one running task run has used; part of <see cref="BudgetState"/>.</summary>
internal sealed class TaskUsage
{
    /// <summary>The run's elapsed time when the task run started.</summary>
    public TimeSpan StartedAt { get; set; }

    public long LlmTokens { get; set; }

    public double Dollars { get; set; }
}
