namespace Evolver.Core;

/// <summary>What the run has used so far, for progress views and <c>evolver status</c>.</summary>
public sealed record BudgetUsage
{
    /// <summary>Children started.</summary>
    public required int Iterations { get; init; }

    /// <summary>Task runs started.</summary>
    public required int TaskRuns { get; init; }

    /// <summary>LLM tokens, input and output.</summary>
    public required long LlmTokens { get; init; }

    /// <summary>Money, in US dollars.</summary>
    public required double Dollars { get; init; }

    /// <summary>Wall-clock time the run has been running, over all its sessions.</summary>
    public required TimeSpan Elapsed { get; init; }

    /// <summary>Children started and not finished.</summary>
    public required int RunningChildren { get; init; }

    /// <summary>The run budget that ended the run, or null while none has.</summary>
    public string? EndedBy { get; init; }
}
