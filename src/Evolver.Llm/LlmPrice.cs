namespace Evolver.Llm;

/// <summary>What a model costs, in US dollars per million tokens.</summary>
/// <param name="InputPerMillion">Dollars per million input (prompt) tokens.</param>
/// <param name="OutputPerMillion">Dollars per million output (completion) tokens.</param>
public sealed record LlmPrice(decimal InputPerMillion, decimal OutputPerMillion)
{
    /// <summary>The cost of one exchange.</summary>
    public decimal Cost(long inputTokens, long outputTokens) =>
        ((inputTokens * InputPerMillion) + (outputTokens * OutputPerMillion)) / 1_000_000m;
}
