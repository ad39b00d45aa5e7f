namespace Evolver.Llm;

/// <summary>
/// One request to the model and what came of it: the messages sent, the reply or the failure, tokens, cost, time and
/// retries. Failures are values: a refusal, an HTTP error or an oversized reply is recorded here, never thrown.
/// </summary>
public sealed record LlmExchange
{
    /// <summary>The provider's protocol.</summary>
    public required LlmProviderKind Provider { get; init; }

    /// <summary>The model asked.</summary>
    public required string Model { get; init; }

    /// <summary>The messages sent, in order.</summary>
    public required IReadOnlyList<LlmMessage> Request { get; init; }

    /// <summary>The model's text, or null when the exchange failed.</summary>
    public string? Reply { get; init; }

    /// <summary>Why the model stopped (<c>stop</c>, <c>length</c>, <c>end_turn</c>, …), as the provider said it.</summary>
    public string? FinishReason { get; init; }

    /// <summary>Why there is no usable reply, or null when there is one.</summary>
    public LlmFailureKind? Failure { get; init; }

    /// <summary>What went wrong, for people and logs; empty on success.</summary>
    public string FailureMessage { get; init; } = "";

    /// <summary>The last HTTP status seen, when there was an HTTP answer.</summary>
    public int? StatusCode { get; init; }

    /// <summary>Input tokens the provider reported.</summary>
    public long InputTokens { get; init; }

    /// <summary>Output tokens the provider reported.</summary>
    public long OutputTokens { get; init; }

    /// <summary>Dollars, from <see cref="LlmOptions.Prices"/>.</summary>
    public decimal CostUsd { get; init; }

    /// <summary>Wall-clock time of the exchange, retries included.</summary>
    public TimeSpan Latency { get; init; }

    /// <summary>HTTP attempts made (1 when no retry was needed).</summary>
    public int Attempts { get; init; }

    /// <summary>The delay waited before each retry, in order; a provider's <c>Retry-After</c> shows here.</summary>
    public IReadOnlyList<TimeSpan> RetryDelays { get; init; } = [];

    /// <summary>True when <see cref="Reply"/> holds the model's text.</summary>
    public bool Succeeded => Failure is null && Reply is not null;
}
