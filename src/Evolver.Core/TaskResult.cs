namespace Evolver.Core;

/// <summary>The evaluation of one agent on one task: both phases and the verdict.</summary>
public sealed record TaskResult
{
    /// <summary>The task's id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>Whether the task is resolved, as SWE-bench defines it.</summary>
    public bool Resolved => Outcome == TaskOutcome.Resolved;

    /// <summary>The outcome in one word.</summary>
    public required TaskOutcome Outcome { get; init; }

    /// <summary>Why, for people: the agent's end and the test verdict.</summary>
    public required string Reason { get; init; }

    /// <summary>The agent phase.</summary>
    public required SolveResult Solve { get; init; }

    /// <summary>The scoring phase, or null when it was not needed (no change, harness error).</summary>
    public ScoreResult? Score { get; init; }

    /// <summary>The verdict over FAIL_TO_PASS and PASS_TO_PASS, when the tests ran.</summary>
    public ScoreVerdict? Verdict { get; init; }

    /// <summary>What the agent used through the LLM gateway, or null when the run offered none.</summary>
    public GatewayUsage? Llm { get; init; }

    /// <summary>Total wall-clock time of the task.</summary>
    public TimeSpan Duration { get; init; }
}
