namespace Evolver.Web;

/// <summary>One recorded LLM exchange, read from whatever shape the recorder wrote; <see cref="Raw"/> keeps the original.</summary>
internal sealed record TranscriptEntry
{
    public required string Title { get; init; }

    public string? Model { get; init; }

    public required IReadOnlyList<TranscriptMessage> Messages { get; init; }

    public string? Reply { get; init; }

    public long? InputTokens { get; init; }

    public long? OutputTokens { get; init; }

    public double? CostUsd { get; init; }

    /// <summary>Why there is no reply (a refusal, an HTTP error), or null.</summary>
    public string? Failure { get; init; }

    /// <summary>The entry's JSON as recorded.</summary>
    public required string Raw { get; init; }
}
