namespace Evolver.Llm;

/// <summary>One message of a recorded exchange.</summary>
/// <param name="Role"><c>system</c>, <c>user</c> or <c>assistant</c>.</param>
/// <param name="Content">The message's text.</param>
public sealed record LlmMessage(string Role, string Content);
