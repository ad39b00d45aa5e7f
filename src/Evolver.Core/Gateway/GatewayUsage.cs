namespace Evolver.Core;

/// <summary>What one task run used through the gateway, and every exchange it made.</summary>
public sealed record GatewayUsage
{
    /// <summary>No call at all.</summary>
    public static GatewayUsage None { get; } = new();

    /// <summary>Requests the agent made, refused ones included.</summary>
    public int Calls { get; init; }

    /// <summary>Input tokens the provider reported.</summary>
    public long InputTokens { get; init; }

    /// <summary>Output tokens the provider reported.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Dollars, from the price table.</summary>
    public double CostUsd { get; init; }

    /// <summary>Budgets that refused a call with 429, e.g. <c>task.llm_tokens</c>, in the order they did.</summary>
    public IReadOnlyList<string> CapsHit { get; init; } = [];

    /// <summary>Problems the gateway saw, e.g. a replayed request that was never recorded (naming the first difference).</summary>
    public IReadOnlyList<string> Problems { get; init; } = [];

    /// <summary>The exchanges in order, one JSON object per entry (the lines of the archived <c>llm/&lt;task&gt;.jsonl</c>).</summary>
    public IReadOnlyList<string> Exchanges { get; init; } = [];
}
