namespace Evolver.Core;

/// <summary>The archived outcome of one task in a variant's evaluation.</summary>
public sealed record TaskRecord
{
    /// <summary>The task's id.</summary>
    public required string InstanceId { get; init; }

    /// <summary>The outcome in one word.</summary>
    public required TaskOutcome Outcome { get; init; }

    /// <summary>Whether the task is resolved; derived from <see cref="Outcome"/>.</summary>
    public bool Resolved => Outcome == TaskOutcome.Resolved;

    /// <summary>Why, for people.</summary>
    public string Reason { get; init; } = "";

    /// <summary>Wall-clock time of the task.</summary>
    public TimeSpan Duration { get; init; }

    /// <summary>The evaluation stage (0-based) the task ran in.</summary>
    public int Stage { get; init; }

    /// <summary>LLM requests the agent made through the gateway; null when the run offered no gateway.</summary>
    public int? LlmCalls { get; init; }

    /// <summary>LLM input tokens of the task run; null when the run offered no gateway.</summary>
    public long? InputTokens { get; init; }

    /// <summary>LLM output tokens of the task run; null when the run offered no gateway.</summary>
    public long? OutputTokens { get; init; }

    /// <summary>LLM dollars of the task run; null when the run offered no gateway.</summary>
    public double? CostUsd { get; init; }

    /// <summary>Budgets that refused the agent an LLM call (HTTP 429), e.g. <c>task.llm_tokens</c>; null when none did.</summary>
    public IReadOnlyList<string>? LlmCapsHit { get; init; }

    /// <summary>
    /// Where the agent says its time went, per time budget of its own (from its report's <c>profile</c>); null when it
    /// reported none, and in records archived before agents could report one.
    /// </summary>
    public IReadOnlyList<TimeKnobUse>? TimeProfile { get; init; }

    /// <summary>The archived form of <paramref name="result"/>.</summary>
    public static TaskRecord From(TaskResult result, int stage) => new()
    {
        InstanceId = result.InstanceId,
        Outcome = result.Outcome,
        Reason = result.Reason,
        Duration = result.Duration,
        Stage = stage,
        LlmCalls = result.Llm?.Calls,
        InputTokens = result.Llm?.InputTokens,
        OutputTokens = result.Llm?.OutputTokens,
        CostUsd = result.Llm?.CostUsd,
        LlmCapsHit = result.Llm is { CapsHit.Count: > 0 } llm ? llm.CapsHit : null,
        TimeProfile = ReportProfile.Read(result.Solve.Report),
    };
}
