namespace Evolver.Llm;

/// <summary>Metadata keys by which the harness's own chat services report what the OpenAI connector reports through its inner <c>ChatCompletion</c>.</summary>
internal static class ReplyMetadata
{
    public const string FinishReason = "Evolver.FinishReason";

    public const string InputTokens = "Evolver.InputTokens";

    public const string OutputTokens = "Evolver.OutputTokens";
}
